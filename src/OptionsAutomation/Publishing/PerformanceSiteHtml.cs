using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using OptionsAutomation.Cli;

namespace OptionsAutomation.Publishing;

/// <summary>
/// The static site's <c>index.html</c>, built as the backtest report is (<see cref="BacktestHtml"/>): the dashboard's
/// stylesheets, uPlot and the page's drawing script (wwwroot/js/publish-report.js, through <see cref="EsModuleInliner"/>)
/// inline, the figures as JSON beside them, the card as <c>card.png</c> next to the page. No CDN, no request beyond the card.
/// </summary>
internal static class PerformanceSiteHtml
{
    private const string Policy = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

    private static readonly JsonSerializerOptions Compact = new(PerformanceJson.Options) { WriteIndented = false };

    private static string WebRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    public static string Render(PublishedPerformanceJson figures)
    {
        var title = string.Create(CultureInfo.InvariantCulture, $"Performance to {figures.AsOf:yyyy-MM-dd}");
        // The serializer escapes <, > and & (its default encoder), so no text in the data can close the script element.
        var data = JsonSerializer.Serialize(figures, Compact);
        return new StringBuilder()
            .Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(Policy).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n<style>\n")
            .Append(Asset("vendor/uPlot.min.css")).Append('\n').Append(Asset("css/dashboard.css"))
            .Append("</style>\n</head>\n<body>\n<header class=\"topbar\"><div class=\"brand\"><h1>")
            .Append(WebUtility.HtmlEncode(title)).Append("</h1></div></header>\n")
            .Append("<main class=\"grid\">\n")
            .Append("<section class=\"panel kpis span-3\"><dl id=\"kpis\"></dl></section>\n")
            .Append("<section class=\"panel span-2\"><h2>Equity and drawdown</h2><div id=\"chart-equity\" class=\"chart\"></div><div id=\"chart-drawdown\" class=\"chart\"></div></section>\n")
            .Append("<section class=\"panel\"><h2>Daily scorecard</h2><img id=\"card\" class=\"card-image\" src=\"card.png\" width=\"800\" height=\"450\" alt=\"\"></section>\n")
            .Append("<section class=\"panel span-3\"><h2>Closed trades</h2><div class=\"table-wrap\"><table id=\"trades\"><thead></thead><tbody></tbody></table></div></section>\n")
            .Append("</main>\n")
            .Append("<script type=\"application/json\" id=\"performance-data\">").Append(data).Append("</script>\n")
            .Append("<script type=\"module\">\n").Append(EsModuleInliner.Bundle(Path.Combine(WebRoot, "js", "publish-report.js"))).Append("</script>\n")
            .Append("</body>\n</html>\n")
            .ToString();
    }

    private static string Asset(string relative)
    {
        var text = File.ReadAllText(Path.Combine(WebRoot, relative)).ReplaceLineEndings("\n");
        return text.Contains("</style", StringComparison.OrdinalIgnoreCase)
            ? throw new InvalidOperationException($"wwwroot/{relative} contains '</style', which would end the inline styles early.")
            : text;
    }
}
