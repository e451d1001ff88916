using System.Diagnostics;
using System.Globalization;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// A crash or Ctrl+C leaves nothing behind but what was written: <c>optauto backtest</c> over the whole history
/// (2000–2025, several seconds) as a child process, stopped partway by SIGINT or SIGKILL, leaves no trades file, no
/// temporary file and nothing on stdout; a run left to finish writes its trades file whole. No database: the process
/// gets a connection string nothing listens on.
/// </summary>
[Trait("Category", "Cli")]
public sealed class BacktestInterruptCliTests : IDisposable
{
    private const string NoDatabase = "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2";

    private static readonly string[] WholeHistory = ["backtest", "--from", "2000-01-03", "--to", "2025-12-31", "--trades", "T.csv", "--json"];

    private readonly OptautoProcess _cli = new(NoDatabase);

    [Fact]
    public async Task Sigint_Partway_ExitsWith130_AndLeavesNoFileAndNoOutput()
    {
        using var process = await StartedPartwayAsync();

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
            Assert.Equal(0, kill.ExitCode);
        }

        await ExitedAsync(process);
        Assert.True(process.ExitCode == 130, $"exit code {process.ExitCode}.{Environment.NewLine}{_cli.StartedStderr}");
        Assert.Contains("backtest stopped: nothing was written.", _cli.StartedStderr, StringComparison.Ordinal);
        AssertNothingLeft();
    }

    [Fact]
    public async Task Sigkill_Partway_LeavesNoFileAndNoOutput()
    {
        using var process = await StartedPartwayAsync();

        process.Kill();

        await ExitedAsync(process);
        Assert.NotEqual(0, process.ExitCode);
        AssertNothingLeft();
    }

    [Fact]
    public async Task ACompletedRun_WritesTheTradesFileWhole()
    {
        var run = (await _cli.RunAsync(WholeHistory)).Succeeded();

        var trades = run.Json().GetProperty("trades").Items();
        var text = await File.ReadAllTextAsync(Path.Combine(_cli.WorkDirectory, "T.csv"));
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text[..^1].Split('\n');
        Assert.StartsWith("position_id,request_id,", lines[0], StringComparison.Ordinal);
        Assert.Equal(trades.Length, lines.Length - 1);
        Assert.True(trades.Length > 700, $"{trades.Length} trades over 26 years");
        foreach (var (line, trade) in lines.Skip(1).Zip(trades))
        {
            var fields = line.Split(',');
            Assert.Equal(16, fields.Length);
            Assert.Equal((trade.Str("request_id"), trade.Dec("pnl")), (fields[1], decimal.Parse(fields[14], CultureInfo.InvariantCulture)));
        }

        Assert.Equal(["T.csv"], Directory.GetFiles(_cli.WorkDirectory).Select(Path.GetFileName));
    }

    public void Dispose() => _cli.Dispose();

    /// <summary>
    /// Starts the run and returns once it is replaying: the engine loads the real 2021 chain on its first session and logs
    /// it, with about 6,500 sessions still to go. A signal before that lands in start-up, before the CLI handles SIGINT
    /// (the default action ends the process, writing nothing); a fixed delay would race start-up on a loaded machine.
    /// </summary>
    private async Task<Process> StartedPartwayAsync()
    {
        var process = _cli.Start(WholeHistory);
        await _cli.WaitUntilLoggedAsync(process, "chain snapshots");
        return process;
    }

    private static async Task ExitedAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>No T.csv, no T.csv.partial (nor any other file), and not a byte on stdout.</summary>
    private void AssertNothingLeft()
    {
        Assert.Empty(Directory.GetFiles(_cli.WorkDirectory));
        Assert.Empty(_cli.StartedStdout);
    }
}
