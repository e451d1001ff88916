using System.Globalization;
using System.Text.Json;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// <c>optauto sizing evaluate</c> as a real process on the shipped history, each row checked against a single
/// <c>backtest --Sizing:Strategy=NAME</c> run over the same dates: its CAGR, drawdown and Sharpe as that run reports them,
/// its worst month and average contracts recomputed here from that run's equity curve and trades.
/// No database: the connection string points where nothing listens, so touching it would exit 3, not 0.
/// </summary>
[Trait("Category", "Cli")]
[Collection(BacktestSweepCliTests.Collection)]
public sealed class SizingEvaluateCliTests : IDisposable
{
    private const string NoDatabase = "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2";

    // The autumn of 2008: the volatility regime cuts sizes and the VaR limit binds the portfolio strategy, so the rows
    // differ (in a calm window such as spring 2021 every strategy sizes as fixed does). Kelly has fewer than
    // Sizing:KellyMinTrades trades this early and falls back to fixed.
    private static readonly string[] Autumn2008 = ["--from", "2008-09-01", "--to", "2008-12-31"];

    private readonly OptautoProcess _cli = new(NoDatabase);

    [Fact]
    public async Task EachStrategysRow_IsASingleBacktestWithThatStrategy()
    {
        var evaluation = (await _cli.RunAsync(["sizing", "evaluate", .. Autumn2008, "--json"])).Succeeded().Json();
        var rows = evaluation.GetProperty("strategies").Items();

        Assert.Equal(["fixed", "kelly", "volatility", "portfolio", "ml"], rows.Select(r => r.Str("strategy")));
        foreach (var row in rows)
        {
            var single = (await _cli.RunAsync(["backtest", .. Autumn2008, "--json", $"--Sizing:Strategy={row.Str("strategy")}"])).Succeeded().Json();
            var stats = single.GetProperty("stats");
            Assert.Equal(stats.GetProperty("cagr").GetDouble(), row.GetProperty("cagr").GetDouble());
            Assert.Equal(stats.GetProperty("max_drawdown").GetProperty("depth").GetDouble(), row.GetProperty("max_drawdown").GetDouble());
            Assert.Equal(stats.GetProperty("sharpe").GetDouble(), row.GetProperty("sharpe").GetDouble());

            var (year, month, worst) = WorstMonth(single);
            var reported = row.GetProperty("worst_month");
            Assert.Equal((year, month), ((int)reported.Int("year"), (int)reported.Int("month")));
            Assert.Equal(worst, reported.GetProperty("return").GetDouble(), 12);

            var trades = single.GetProperty("trades").Items().Where(t => t.GetProperty("expiration").ValueKind != JsonValueKind.Null).ToList();
            Assert.Equal(trades.Count, row.Int("trades"));
            Assert.Equal(decimal.Round((decimal)trades.Sum(t => t.Int("quantity")) / trades.Count, 2, MidpointRounding.AwayFromZero), row.Dec("average_contracts"));
        }

        // The strategies reached the runs: in this window volatility trades smaller than fixed, and kelly is fixed.
        var byName = rows.ToDictionary(r => r.Str("strategy")!);
        Assert.True(byName["volatility"].Dec("average_contracts") < byName["fixed"].Dec("average_contracts"));
        Assert.Equal(Compact(byName["fixed"]).Replace("\"fixed\"", "\"kelly\"", StringComparison.Ordinal), Compact(byName["kelly"]));
        // Four months hold fewer than Sizing:Ml:MinTrainingRows trades: no year has a model, so ml sizes as fixed.
        Assert.Equal(Compact(byName["fixed"]).Replace("\"fixed\"", "\"ml\"", StringComparison.Ordinal), Compact(byName["ml"]));
    }

    [Fact]
    public async Task SameInputs_GiveTheSameBytes()
    {
        var one = (await _cli.RunAsync(["sizing", "evaluate", .. Autumn2008, "--json"])).Succeeded();
        var two = (await _cli.RunAsync(["sizing", "evaluate", .. Autumn2008, "--json", "--parallel", "1"])).Succeeded();

        Assert.Equal(one.Stdout, two.Stdout);
    }

    [Fact]
    public async Task APerTickerStrategy_IsRefused_BeforeAnyRun()
    {
        var result = (await _cli.RunAsync(["sizing", "evaluate", .. Autumn2008, "--Sizing:Tickers:SPY=kelly"])).WasRefused();

        Assert.StartsWith("error: Sizing:Tickers:SPY is 'kelly'", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task CtrlC_StopsTheRuns_ExitsWith130_AndPrintsNothing()
    {
        // Four runs of the whole history take seconds; the real chain's load is logged just before they start.
        using var process = _cli.Start("sizing", "evaluate", "--json");
        await _cli.WaitUntilLoggedAsync(process, "chain snapshots");
        await OptautoProcess.InterruptAsync(process);

        Assert.Equal(130, process.ExitCode);
        Assert.Contains("sizing evaluate stopped: nothing was written.", _cli.StartedStderr, StringComparison.Ordinal);
        Assert.Empty(_cli.StartedStdout);
    }

    /// <summary>Month by month: each month's last equity over the previous month's last, the first over the starting equity.</summary>
    private static (int Year, int Month, double Return) WorstMonth(JsonElement backtest)
    {
        var before = backtest.GetProperty("run").Dec("starting_equity");
        var worst = (Year: 0, Month: 0, Return: double.MaxValue);
        foreach (var month in backtest.GetProperty("equity").Items().GroupBy(e => e.Str("date")![..7]))
        {
            var end = month.Last().Dec("equity");
            var change = (double)(end / before) - 1d;
            if (change < worst.Return)
            {
                worst = (int.Parse(month.Key[..4], CultureInfo.InvariantCulture), int.Parse(month.Key[5..], CultureInfo.InvariantCulture), change);
            }

            before = end;
        }

        return worst;
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    public void Dispose() => _cli.Dispose();
}
