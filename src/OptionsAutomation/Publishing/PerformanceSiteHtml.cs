using System.Globalization;
using System.Text.Json;
using OptionsAutomation.Cli;

namespace OptionsAutomation.Publishing;

/// <summary>
/// The static site's <c>index.html</c>, one <see cref="StandalonePage"/> as the backtest report is: the page's drawing
/// script (wwwroot/js/publish-report.js) over the figures as JSON, the card as <c>card.png</c> next to the page. No CDN,
/// no request beyond the card.
/// </summary>
internal static class PerformanceSiteHtml
{
    private const string Sections =
        "\n<section class=\"panel kpis span-3\"><dl id=\"kpis\"></dl></section>\n" +
        "<section class=\"panel span-2\"><h2>Equity and drawdown</h2><div id=\"chart-equity\" class=\"chart\"></div><div id=\"chart-drawdown\" class=\"chart\"></div></section>\n" +
        "<section class=\"panel\"><h2>Daily scorecard</h2><img id=\"card\" class=\"card-image\" src=\"card.png\" width=\"800\" height=\"450\" alt=\"\"></section>\n" +
        "<section class=\"panel span-3\"><h2>Closed trades</h2><div class=\"table-wrap\"><table id=\"trades\"><thead></thead><tbody></tbody></table></div></section>\n";

    private static readonly JsonSerializerOptions Compact = new(PerformanceJson.Options) { WriteIndented = false };

    public static string Render(PublishedPerformanceJson figures) =>
        new StandalonePage(string.Create(CultureInfo.InvariantCulture, $"Performance to {figures.AsOf:yyyy-MM-dd}"),
                "performance", "grid", "performance-data", [], "publish-report.js", Sections, SiblingImages: true)
            .Render(JsonSerializer.Serialize(figures, Compact));
}
