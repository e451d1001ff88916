using System.Globalization;
using System.Text.Json;
using OptionsAutomation.Cli;

namespace OptionsAutomation.Publishing;

/// <summary>
/// The static site's <c>index.html</c>, built as the backtest report is (<see cref="BacktestHtml"/>): the dashboard's
/// stylesheets, uPlot and the page's drawing script (wwwroot/js/publish-report.js, through <see cref="InlinePage"/>)
/// inline, the figures as JSON beside them, the card as <c>card.png</c> next to the page. No CDN, no request beyond the card.
/// </summary>
internal static class PerformanceSiteHtml
{
    private const string Policy = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

    private static readonly JsonSerializerOptions Compact = new(PerformanceJson.Options) { WriteIndented = false };

    public static string Render(PublishedPerformanceJson figures)
    {
        var title = string.Create(CultureInfo.InvariantCulture, $"Performance to {figures.AsOf:yyyy-MM-dd}");
        // The serializer escapes <, > and & (its default encoder), so no text in the data can close the script element.
        var data = JsonSerializer.Serialize(figures, Compact);
        return InlinePage.Head(title, Policy, "vendor/uPlot.min.css", "css/dashboard.css")
            .Append("<main class=\"grid\">\n")
            .Append("<section class=\"panel kpis span-3\"><dl id=\"kpis\"></dl></section>\n")
            .Append("<section class=\"panel span-2\"><h2>Equity and drawdown</h2><div id=\"chart-equity\" class=\"chart\"></div><div id=\"chart-drawdown\" class=\"chart\"></div></section>\n")
            .Append("<section class=\"panel\"><h2>Daily scorecard</h2><img id=\"card\" class=\"card-image\" src=\"card.png\" width=\"800\" height=\"450\" alt=\"\"></section>\n")
            .Append("<section class=\"panel span-3\"><h2>Closed trades</h2><div class=\"table-wrap\"><table id=\"trades\"><thead></thead><tbody></tbody></table></div></section>\n")
            .Append("</main>\n")
            .Append("<script type=\"application/json\" id=\"performance-data\">").Append(data).Append("</script>\n")
            .Append("<script type=\"module\">\n").Append(InlinePage.Script("publish-report.js")).Append("</script>\n")
            .Append("</body>\n</html>\n")
            .ToString();
    }
}
