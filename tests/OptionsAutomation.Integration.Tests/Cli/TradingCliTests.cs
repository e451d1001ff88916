using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary><c>optauto trading …</c> and <c>risk breaker reset</c>, and risk limits from the environment.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class TradingCliTests(PostgresServer server) : CliTestBase(server)
{
    [Fact]
    public async Task HaltThenResume_ChangesTheStoredStateAndAuditsBoth()
    {
        var halted = (await Cli.RunAsync("trading", "halt", "--reason", "FOMC", "--json")).Succeeded().Json();
        var status = (await Cli.RunAsync("trading", "status", "--json")).Succeeded().Json();
        (await Cli.RunAsync("trading", "resume")).Succeeded();

        Assert.Equal(("HALTED", "FOMC", "cli"), (halted.Str("trading_state"), halted.Str("state_reason"), halted.Str("state_changed_by")));
        Assert.Equal("HALTED", status.Str("trading_state"));
        Assert.Equal(1L, await Db.CountAsync("trading_controls", "trading_state = 'ACTIVE'"));
        Assert.Equal(2L, await Db.CountAsync("audit_events", "event_type = 'trading.state_changed'"));
    }

    [Fact]
    public async Task BreakerReset_WhenNotTripped_IsRefused()
    {
        var result = (await Cli.RunAsync("risk", "breaker", "reset")).WasRefused();

        Assert.StartsWith("error: the circuit breaker is not tripped", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0L, await Db.CountAsync("audit_events"));
    }

    [Fact]
    public async Task RiskLimits_FromShortFormsAndSectionKeys_AreValidatedByName()
    {
        using var negative = new OptautoProcess(Db.ConnectionString, new Dictionary<string, string> { ["RISK_MAX_POSITIONS"] = "-1" });
        using var unknown = new OptautoProcess(Db.ConnectionString, new Dictionary<string, string> { ["RISK_MAX_LEVERAGE"] = "3" });
        using var percent = new OptautoProcess(Db.ConnectionString, new Dictionary<string, string> { ["Risk__MaxDailyLossPercent"] = "150" });

        var negativeResult = (await negative.RunAsync("proposals", "list")).WasRefused();
        var unknownResult = (await unknown.RunAsync("proposals", "list")).WasRefused();
        var percentResult = (await percent.RunAsync("proposals", "list")).WasRefused();

        Assert.Contains("Risk:MaxPositions", negativeResult.Stderr, StringComparison.Ordinal);
        Assert.Contains("RISK_MAX_LEVERAGE", unknownResult.Stderr, StringComparison.Ordinal);
        Assert.Contains("Risk:MaxDailyLossPercent must be", percentResult.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("not a risk limit", percentResult.Stderr, StringComparison.Ordinal);
    }
}
