using System.Globalization;
using System.Text.Json;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto backtest --report FILE.html</c>: the Backtest page's drawing script (wwwroot/js/backtest-view.js) over
/// the run as <see cref="BacktestPage"/> JSON, in one <see cref="StandalonePage"/>. Written under a temporary name and
/// renamed (<see cref="AtomicFile"/>).
/// </summary>
internal static class BacktestHtml
{
    public static void Write(string path, BacktestPage page) => AtomicFile.WriteText(path, Render(page));

    public static string Render(BacktestPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var run = page.Backtest.Run;
        var title = string.Create(CultureInfo.InvariantCulture, $"Backtest {run.Underlying} {run.From:yyyy-MM-dd} to {run.To:yyyy-MM-dd} ({run.Profile})");
        return new StandalonePage(title, "backtest-result", "backtest", "backtest-data", ["css/backtest.css"], "backtest-report.js")
            .Render(JsonSerializer.Serialize(page, BacktestPage.Options));
    }
}
