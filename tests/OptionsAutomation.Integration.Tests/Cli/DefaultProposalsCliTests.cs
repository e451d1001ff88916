using System.Text.Json;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// A new user's first <c>proposals run</c>: the CLI process with nothing configured but the database, so the default
/// synthetic market, paper broker ($100,000) and screen, sizing and risk settings — now, as the user would run it.
/// Sizing depends on where the synthetic walk has taken the underlyings by today, but at any plausible price a VPC
/// risks far less than 2% of equity and an IWM put ties up less than half of it.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class DefaultProposalsCliTests(PostgresServer server) : CliTestBase(server)
{
    [Fact]
    public async Task ProposalsRun_OnTheDefaults_ProposesACspAndAVpc()
    {
        var run = (await Cli.RunAsync("proposals", "run", "--json")).Succeeded().Json();

        var proposals = run.GetProperty("proposals").Items();
        var denials = string.Join("; ", run.GetProperty("denials").Items().Select(d => d.Str("reason")));
        Assert.True(proposals.Any(p => Strategy(p) == "CSP"), $"no CSP proposed: {denials}");
        Assert.True(proposals.Any(p => Strategy(p) == "VPC"), $"no VPC proposed: {denials}");
        Assert.DoesNotContain("CREDIT_TOO_LOW", denials, StringComparison.Ordinal);
        Assert.Equal(proposals.Length, await Db.CountAsync("trade_requests", "status = 'PROPOSED'"));
    }

    private static string? Strategy(JsonElement proposal) =>
        proposal.TryGetProperty("strategy_type", out var code) ? code.GetString() : proposal.Str("StrategyType");
}
