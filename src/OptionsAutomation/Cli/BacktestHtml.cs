using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto backtest --report FILE.html</c>: one HTML file that needs nothing else — the dashboard's stylesheets,
/// uPlot and the Backtest page's own drawing script (wwwroot/js/backtest-view.js, through
/// <see cref="EsModuleInliner"/>) inline, the run as <see cref="BacktestPage"/> JSON beside them. Its own CSP
/// (<c>default-src 'none'</c>) keeps a browser from fetching anything while showing it. No clock is read: the same run
/// gives the same bytes. Written under a temporary name and renamed (<see cref="AtomicFile"/>).
/// </summary>
internal static class BacktestHtml
{
    /// <summary>Inline script and styles only; no request of any kind (images as data: URLs, should a chart make one).</summary>
    private const string Policy = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private static string WebRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    public static void Write(string path, BacktestPage page) => AtomicFile.WriteText(path, Render(page));

    public static string Render(BacktestPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var run = page.Backtest.Run;
        var title = string.Create(CultureInfo.InvariantCulture, $"Backtest {run.Underlying} {run.From:yyyy-MM-dd} to {run.To:yyyy-MM-dd} ({run.Profile})");
        // The serializer escapes <, > and & (its default encoder), so no text in the data can close the script element.
        var data = JsonSerializer.Serialize(page, BacktestPage.Options);
        return new StringBuilder()
            .Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(Policy).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n<style>\n")
            .Append(Asset("vendor/uPlot.min.css")).Append('\n').Append(Asset("css/dashboard.css")).Append('\n').Append(Asset("css/backtest.css"))
            .Append("</style>\n</head>\n<body>\n<header class=\"topbar\"><div class=\"brand\"><h1>")
            .Append(WebUtility.HtmlEncode(title)).Append("</h1></div></header>\n")
            .Append("<main id=\"backtest-result\" class=\"backtest\"></main>\n")
            .Append("<script type=\"application/json\" id=\"backtest-data\">").Append(data).Append("</script>\n")
            .Append("<script type=\"module\">\n").Append(EsModuleInliner.Bundle(Path.Combine(WebRoot, "js", "backtest-report.js"))).Append("</script>\n")
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
