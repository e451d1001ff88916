using System.Text.Json;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// Scaling out and scaling in (issue 14) reach the backtest as settings and are swept, on the shipped history over
/// 2021-03-01..2021-06-30 (the default run: 13 trades, $102,130.95). No database, as in the sweep tests.
/// </summary>
[Trait("Category", "Cli")]
[Collection(BacktestSweepCliTests.Collection)]
public sealed class BacktestScalingCliTests : IDisposable
{
    private const string NoDatabase = "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2";
    private const string ScaleOut = "ExitRules:ScaleOutAtFraction";
    private const string ScaleIn = "Scaling:In:AtProfitFraction";

    private static readonly string[] Spring2021 = ["--from", "2021-03-01", "--to", "2021-06-30", "--json"];

    private readonly OptautoProcess _cli = new(NoDatabase);

    [Fact]
    public async Task ScaleOut_ClosesHalfOfTheFourContractSpreadAtItsFirstTarget_AndTheRestRunsToItsTarget()
    {
        var run = (await _cli.RunAsync(["backtest", $"--{ScaleOut}=0.25", .. Spring2021])).Succeeded().Json();

        // The VPC of 2021-05-14, 4 contracts at 0.72: 2 bought back at 0.47 — (0.72 − 0.47) × 200 = 50.00 less 2.60 of the
        // opening fees (4 × 2 legs × 0.65, half of it) and 2.60 closing (2 × 2 × 0.65) = 44.80 — and 2 at the target.
        var trades = run.GetProperty("trades").Items().Where(t => t.Str("request_id") == "prop-20210514-SPY-VPC").ToList();
        Assert.Equal([("scale_out", 2, 0.47m, 44.80m), ("profit_target", 2, 0.26m, 86.80m)],
            trades.Select(t => (t.Str("reason"), t.Int("quantity"), t.Dec("exit_price"), t.Dec("pnl"))));
        Assert.Single(trades.Select(t => t.Int("position_id")).Distinct());
        Assert.Equal(102_088.95m, run.GetProperty("stats").Dec("ending_equity"));
    }

    [Fact]
    public async Task SweepOverBoth_ScaleInAddsLotsToWinningPuts_ScaleOutSplitsOneTrade()
    {
        var sweep = (await _cli.RunAsync(["backtest", "sweep", "--param", $"{ScaleOut}=0,0.25", "--param", $"{ScaleIn}=0,0.2", .. Spring2021]))
            .Succeeded().Json();
        var combinations = sweep.GetProperty("combinations").Items();

        var off = Stats(combinations, "0", "0");
        Assert.Equal((13, 102_130.95m), (off.Int("trades"), off.Dec("ending_equity")));
        Assert.Equal(1, Stats(combinations, "0.25", "0").GetProperty("trades_by_exit_reason").Int("scale_out"));
        // Two CSPs reached 20% of their max profit with 30 days or more left: each got one add, a lot of its own.
        var scaledIn = Stats(combinations, "0", "0.2");
        Assert.Equal((15, 102_471.41m), (scaledIn.Int("trades"), scaledIn.Dec("ending_equity")));
        var both = Stats(combinations, "0.25", "0.2");
        Assert.Equal((16, 1), (both.Int("trades"), both.GetProperty("trades_by_exit_reason").Int("scale_out")));
    }

    [Fact]
    public async Task ScaleIn_TheAddsAreLotsNamingThePositionTheyScale()
    {
        var run = (await _cli.RunAsync(["backtest", $"--{ScaleIn}=0.2", .. Spring2021])).Succeeded().Json();
        var trades = run.GetProperty("trades").Items();

        var adds = trades.Where(t => t.Str("request_id")!.Contains("-add-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["prop-20210312-SPY-CSP-add-2", "prop-20210409-SPY-CSP-add-7"], adds.Select(t => t.Str("request_id")).Order(StringComparer.Ordinal));
        // Each add is its own position, and the position it names was a CSP of the same strike and expiration.
        foreach (var add in adds)
        {
            var first = trades.Single(t => t.Int("position_id") == int.Parse(add.Str("request_id")!.Split("-add-")[1], System.Globalization.CultureInfo.InvariantCulture));
            Assert.NotEqual(first.Int("position_id"), add.Int("position_id"));
            Assert.Equal((first.Str("expiration"), first.Dec("short_strike")), (add.Str("expiration"), add.Dec("short_strike")));
        }
    }

    private static JsonElement Stats(JsonElement[] combinations, string scaleOut, string scaleIn) =>
        combinations.Single(c =>
            c.GetProperty("overrides").Items() is var o && o[0].Str("value") == scaleOut && o[1].Str("value") == scaleIn).GetProperty("stats");

    public void Dispose() => _cli.Dispose();
}
