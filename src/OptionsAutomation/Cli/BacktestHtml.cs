using System.Globalization;
using System.Text.Json;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto backtest --report FILE.html</c>: one HTML file that needs nothing else — the dashboard's stylesheets,
/// uPlot and the Backtest page's own drawing script (wwwroot/js/backtest-view.js, through
/// <see cref="InlinePage"/>) inline, the run as <see cref="BacktestPage"/> JSON beside them. Its own CSP
/// (<c>default-src 'none'</c>) keeps a browser from fetching anything while showing it. No clock is read: the same run
/// gives the same bytes. Written under a temporary name and renamed (<see cref="AtomicFile"/>).
/// </summary>
internal static class BacktestHtml
{
    /// <summary>Inline script and styles only; no request of any kind (images as data: URLs, should a chart make one).</summary>
    private const string Policy = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    public static void Write(string path, BacktestPage page) => AtomicFile.WriteText(path, Render(page));

    public static string Render(BacktestPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var run = page.Backtest.Run;
        var title = string.Create(CultureInfo.InvariantCulture, $"Backtest {run.Underlying} {run.From:yyyy-MM-dd} to {run.To:yyyy-MM-dd} ({run.Profile})");
        // The serializer escapes <, > and & (its default encoder), so no text in the data can close the script element.
        var data = JsonSerializer.Serialize(page, BacktestPage.Options);
        return InlinePage.Head(title, Policy, "vendor/uPlot.min.css", "css/dashboard.css", "css/backtest.css")
            .Append("<main id=\"backtest-result\" class=\"backtest\"></main>\n")
            .Append("<script type=\"application/json\" id=\"backtest-data\">").Append(data).Append("</script>\n")
            .Append("<script type=\"module\">\n").Append(InlinePage.Script("backtest-report.js")).Append("</script>\n")
            .Append("</body>\n</html>\n")
            .ToString();
    }
}
