using System.Globalization;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// Scaling in through the CLI as processes on the defaults (synthetic market, paper account of $100,000): a held SPY VPC
/// of the screen's own legs, marked by hand at a profit, gets an add from <c>proposals run --Scaling:In:…</c>, and
/// <c>proposals show</c> says which position it adds to.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class ScaleInCliTests(PostgresServer server) : CliTestBase(server)
{
    [Fact]
    public async Task AMarkedWinner_GetsAnAdd_AndProposalsShowSaysWhichPositionItAddsTo()
    {
        // The screen's SPY VPC now, then the same legs held: 2 contracts sold 1.00 above today's credit.
        var screen = (await Cli.RunAsync("proposals", "run", "--json")).Succeeded().Json();
        var vpc = screen.GetProperty("proposals").Items().Single(p => p.Str("ticker") == "SPY" && p.Str("strategy_type") == "VPC");
        var credit = vpc.Dec("net_credit");
        var held = (await Db.Positions(new RealTimersClock(DateTimeOffset.UtcNow)).OpenAsync(new OpenPositionRequest
        {
            RequestId = "held-spy-vpc",
            Strategy = StrategyType.VerticalPutCredit,
            Ticker = "SPY",
            Expiration = DateOnly.Parse(vpc.Str("expiration")!, CultureInfo.InvariantCulture),
            ShortStrike = vpc.Dec("short_strike"),
            LongStrike = vpc.Dec("long_strike"),
            Credit = credit + 1.00m,
            Quantity = 2,
            OpenedAt = DateTimeOffset.UtcNow.AddHours(-1),
            Actor = "test-seed",
        })).Position;
        var id = held.PositionId.ToString(CultureInfo.InvariantCulture);
        // Marked at today's credit: P&L 1.00 × 100 × 2 = 200 of a max profit of (credit + 1) × 200.
        (await Cli.RunAsync("positions", "mark", id, "--price", credit.ToString(CultureInfo.InvariantCulture))).Succeeded();

        var run = (await Cli.RunAsync("proposals", "run", "--Scaling:In:AtProfitFraction=0.05", "--json")).Succeeded().Json();

        var add = run.GetProperty("proposals").Items().Single(p => p.Str("request_id")!.EndsWith($"-add-{id}", StringComparison.Ordinal));
        Assert.Equal((held.PositionId, held.ShortStrike, held.LongStrike), (add.Int("scales_position_id"), add.Dec("short_strike"), (decimal?)add.Dec("long_strike")));
        var shown = (await Cli.RunAsync("proposals", "show", add.Str("request_id")!)).Succeeded().Stdout;
        Assert.Contains($"Adds to position {id} (scaling in)", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Adds to position", (await Cli.RunAsync("proposals", "show", vpc.Str("request_id")!)).Succeeded().Stdout, StringComparison.Ordinal);
    }
}
