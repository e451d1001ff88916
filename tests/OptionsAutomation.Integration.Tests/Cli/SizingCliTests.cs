using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// <c>proposals run --Sizing:Strategy=volatility</c> on the defaults (synthetic market, paper account of $100,000), then
/// <c>sizing explain</c> and <c>proposals show</c> as processes: the explanation stored with the proposal comes back.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class SizingCliTests(PostgresServer server) : CliTestBase(server)
{
    [Fact]
    public async Task TheStrategyOverride_SizesTheRun_AndExplainShowsEachStep()
    {
        var run = (await Cli.RunAsync("proposals", "run", "--Sizing:Strategy=volatility", "--json")).Succeeded().Json();
        var proposal = run.GetProperty("proposals").Items()[0];
        var id = proposal.Str("request_id")!;
        // The synthetic market answers a close for every past session, so the regime is ranked, not fallen back from.
        Assert.Equal("volatility", proposal.GetProperty("sizing").Str("strategy"));

        var explained = (await Cli.RunAsync("sizing", "explain", id, "--json")).Succeeded().Json();
        var sizing = explained.GetProperty("sizing");
        Assert.Equal((id, proposal.Int("quantity")), (explained.Str("request_id"), sizing.Int("contracts")));
        Assert.Equal(
            ["trade_budget", "scaled_budget", "room"],
            sizing.GetProperty("steps").Items().Select(s => s.Str("name")).Where(n => n is "trade_budget" or "scaled_budget" or "room"));
        var steps = sizing.GetProperty("steps").Items().ToDictionary(s => s.Str("name")!, s => s.Dec("value"));
        // scale = 1 − rank × (1 − 0.5), and the budget is the smaller of the scaled budget and the room.
        Assert.Equal(1m - (steps["vol_rank"] * 0.5m), steps["scale"]);
        Assert.Equal(Math.Min(steps["scaled_budget"], steps["room"]), steps["budget"]);
        Assert.Equal(1, await Db.CountAsync("trade_requests", $"request_id = '{id}' AND sizing->>'strategy' = 'volatility'"));

        var text = (await Cli.RunAsync("sizing", "explain", id)).Succeeded().Stdout;
        Assert.Contains($"Sizing: volatility: {sizing.Int("contracts")} contract(s), bound by {sizing.Str("binding_limit")}", text, StringComparison.Ordinal);
        Assert.Contains("vol_rank", text, StringComparison.Ordinal);
        Assert.Contains($"Sizing: volatility: {sizing.Int("contracts")} contract(s)", (await Cli.RunAsync("proposals", "show", id)).Succeeded().Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ml_PastTheShippedVixSeries_FallsBackToFixed_SayingWhy()
    {
        // Today is past the last VIX close under data/market (2026-07-23): the VIX features of today cannot be computed.
        var run = (await Cli.RunAsync("proposals", "run", "--Sizing:Strategy=ml", "--json")).Succeeded().Json();
        var sizing = run.GetProperty("proposals").Items()[0].GetProperty("sizing");

        Assert.Equal("fixed", sizing.Str("strategy"));
        var fallback = sizing.GetProperty("fallback");
        Assert.Equal("ml", fallback.Str("from"));
        Assert.StartsWith("a feature cannot be computed: the VIX daily series has no close for ", fallback.Str("reason"), StringComparison.Ordinal);
        Assert.EndsWith("(it ends 2026-07-23)", fallback.Str("reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_OfAnUnknownProposal_IsRefused()
    {
        var result = (await Cli.RunAsync("sizing", "explain", "prop-nope")).WasRefused();

        Assert.Contains("prop-nope", result.Stderr, StringComparison.Ordinal);
    }
}
