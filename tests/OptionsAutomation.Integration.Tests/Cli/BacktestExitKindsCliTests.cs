using System.Text.Json;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// The trailing profit stop and the time-decay target (issue 14) reach the backtest as settings: overridden on the
/// command line and swept, on the shipped history over 2021-03-01..2021-06-30. No database, as in the sweep tests.
/// </summary>
[Trait("Category", "Cli")]
[Collection(BacktestSweepCliTests.Collection)]
public sealed class BacktestExitKindsCliTests : IDisposable
{
    private const string NoDatabase = "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2";
    private const string Trailing = "ExitRules:TrailingActivationFraction";
    private const string Decay = "ExitRules:TimeDecayStartFraction";

    private static readonly string[] Spring2021 = ["--from", "2021-03-01", "--to", "2021-06-30", "--json"];

    private readonly OptautoProcess _cli = new(NoDatabase);

    [Fact]
    public async Task TrailingOverride_ClosesSomeTradesByTrailingStop_AndDiffersFromTheDefault()
    {
        var standard = (await _cli.RunAsync(["backtest", .. Spring2021])).Succeeded().Json();
        var trailing = (await _cli.RunAsync(["backtest", $"--{Trailing}=0.3", "--ExitRules:TrailingGiveBackFraction=0.5", .. Spring2021]))
            .Succeeded().Json();

        Assert.DoesNotContain(standard.GetProperty("trades").Items(), t => t.Str("reason") == "trailing_stop");
        Assert.Equal(3, trailing.GetProperty("trades").Items().Count(t => t.Str("reason") == "trailing_stop"));
        Assert.Equal(102_130.95m, standard.GetProperty("stats").Dec("ending_equity"));
        Assert.Equal(102_250.35m, trailing.GetProperty("stats").Dec("ending_equity"));
    }

    [Fact]
    public async Task SweepOverBothKinds_EachOneChangesTheRun()
    {
        var sweep = (await _cli.RunAsync(["backtest", "sweep", "--param", $"{Trailing}=0,0.3", "--param", $"{Decay}=0,0.25", .. Spring2021]))
            .Succeeded().Json();
        var combinations = sweep.GetProperty("combinations").Items();

        var off = Stats(combinations, "0", "0");
        var trailing = Stats(combinations, "0.3", "0");
        var decay = Stats(combinations, "0", "0.25");
        Assert.Equal(13, off.Int("trades"));
        Assert.Equal(3, trailing.GetProperty("trades_by_exit_reason").Int("trailing_stop"));
        // A target that starts at 25% of max profit takes quick profits: 16 targets against 7, 17 trades against 13.
        Assert.Equal(17, decay.Int("trades"));
        Assert.Equal(16, decay.GetProperty("trades_by_exit_reason").Int("profit_target"));
        Assert.Equal(102_017.75m, decay.Dec("ending_equity"));
    }

    private static JsonElement Stats(JsonElement[] combinations, string trailing, string decay) =>
        combinations.Single(c =>
            c.GetProperty("overrides").Items() is var o && o[0].Str("value") == trailing && o[1].Str("value") == decay).GetProperty("stats");

    public void Dispose() => _cli.Dispose();
}
