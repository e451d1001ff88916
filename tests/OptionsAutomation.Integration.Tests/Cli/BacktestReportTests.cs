using System.Text.RegularExpressions;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary><c>optauto backtest --report FILE.html</c> as a real process: one file that loads nothing, the same bytes twice.</summary>
[Trait("Category", "Cli")]
public sealed partial class BacktestReportTests : IDisposable
{
    private const string NoDatabase = "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2";

    private readonly OptautoProcess _cli = new(NoDatabase);

    [Fact]
    public async Task Report_IsOneSelfContainedFile_WithEveryTrade_AndTheSameBytesTwice()
    {
        var (first, second) = (Path.Combine(_cli.WorkDirectory, "a.html"), Path.Combine(_cli.WorkDirectory, "b.html"));

        var run = (await _cli.RunAsync("backtest", "--from", "2021-03-01", "--to", "2021-03-31", "--json", "--report", first)).Succeeded();
        (await _cli.RunAsync("backtest", "--from", "2021-03-01", "--to", "2021-03-31", "--report", second)).Succeeded();

        var html = await File.ReadAllTextAsync(first);
        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
        // Nothing to fetch: no script or stylesheet by URL, no http(s) source or link, and a policy that forbids requests.
        Assert.Empty(RemoteReference().Matches(html).Select(m => m.Value));
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';", html, StringComparison.Ordinal);
        // The chart library and the page's drawing script are inline.
        Assert.Contains("function uPlot(", html, StringComparison.Ordinal);
        Assert.Contains("function renderBacktest(", html, StringComparison.Ordinal);
        // Every trade of the run is in the embedded data, with its P&L, and the assumptions are there.
        var trades = run.Json().GetProperty("trades").EnumerateArray().ToList();
        Assert.NotEmpty(trades);
        foreach (var trade in trades)
        {
            Assert.Contains($"\"request_id\":\"{trade.GetProperty("request_id").GetString()}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("\"pnl\":146.7", html, StringComparison.Ordinal);
        Assert.Contains("timing: each session", html, StringComparison.Ordinal);
        Assert.Equal(["a.html", "b.html"], Directory.GetFiles(_cli.WorkDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    public void Dispose() => _cli.Dispose();

    /// <summary>An attribute that would make a browser fetch from a host.</summary>
    [GeneratedRegex(@"(?:src|href|action|srcset)\s*=\s*[""']?\s*(?:https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteReference();
}
