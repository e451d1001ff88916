using System.Globalization;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary><c>optauto compare</c> as a real process over trades seeded in Postgres, every figure by hand.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class CompareCliTests(PostgresServer server) : CliTestBase(server)
{
    /// <summary>
    /// Three one-contract SPY CSPs opened 10:00 and closed 14:00 New York time: +75 (Feb 2 → Feb 9, expiring Mar 20: 46
    /// DTE at entry; its proposal sized by kelly), −200 (Feb 3 → Feb 11, Feb 27: 24 DTE), +50 (Feb 4 → Feb 13, Mar 6:
    /// 30 DTE). Held 7 + 8 + 9 = 24 days; cumulative +75, −125, −75: drawdown −200.
    /// </summary>
    [Fact]
    public async Task Compare_Json_GroupsByDteAndSizing()
    {
        await SeedClosedAsync("c-1", new DateOnly(2026, 3, 20), 1.50m, "2026-02-02", "2026-02-09", 0.75m, ExitReason.ProfitTarget);
        await SeedClosedAsync("c-2", new DateOnly(2026, 2, 27), 2.00m, "2026-02-03", "2026-02-11", 4.00m, ExitReason.StopLoss);
        await SeedClosedAsync("c-3", new DateOnly(2026, 3, 6), 1.00m, "2026-02-04", "2026-02-13", 0.50m, ExitReason.Manual);
        await Db.ExecuteAsync("""
            INSERT INTO trade_requests (request_id, status, ticker, strategy_type, expiration, short_strike, net_credit, quantity, max_loss,
                                        collateral, proposed_at, expires_at, updated_at, sizing)
            VALUES ('c-1', 'EXECUTED', 'SPY', 'CSP', '2026-03-20', 580, 1.50, 1, 57850, 58000, now(), now(), now(), '{"strategy": "kelly"}')
            """);

        var json = (await Cli.RunAsync("compare", "--json")).Succeeded().Json();

        var total = json.GetProperty("total");
        Assert.Equal((3L, 66.67m, -75.00m, -25.00m), (total.Int("trades"), total.Dec("win_rate"), total.Dec("total_pnl"), total.Dec("average_pnl")));
        Assert.Equal((-3.13m, -200.00m), (total.Dec("pnl_per_day_held"), total.Dec("max_drawdown")));
        var dte = json.GetProperty("by_dte_at_entry").Items();
        Assert.Equal(["22-30", "46-60"], dte.Select(r => r.Str("key")));
        Assert.Equal([-150.00m, 75.00m], dte.Select(r => r.Dec("total_pnl")));
        var sizing = json.GetProperty("by_sizing").Items();
        Assert.Equal([("kelly", 75.00m), ("unknown", -150.00m)], sizing.Select(r => (r.Str("key"), r.Dec("total_pnl"))));
    }

    [Fact]
    public async Task Compare_HumanOutput_OneRowPerGroup()
    {
        await SeedClosedAsync("h-1", new DateOnly(2026, 3, 20), 1.50m, "2026-02-02", "2026-02-09", 0.75m, ExitReason.ProfitTarget);

        var result = (await Cli.RunAsync("compare", "--from", "2026-02-01", "--to", "2026-02-28")).Succeeded();

        Assert.Matches(@"strategy\s*│\s*CSP\s*│\s*1\s*│\s*100", result.Stdout);
        Assert.Contains("46-60", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_FromAfterTo_Refused() =>
        Assert.Contains(
            "--from is after --to.",
            (await Cli.RunAsync("compare", "--from", "2026-03-01", "--to", "2026-02-01")).WasRefused().Stderr,
            StringComparison.Ordinal);

    private Task SeedClosedAsync(string requestId, DateOnly expiration, decimal credit, string openedOn, string closedOn, decimal exitPrice, ExitReason reason) =>
        SeedClosedSpyCspAsync(requestId, expiration, 580m, credit, openedOn, closedOn, exitPrice, reason);
}
