using OptionsAutomation.Core;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Integration.Tests.Exits;
using OptionsAutomation.Integration.Tests.Proposals;
using OptionsAutomation.Integration.Tests.Support;
using Xunit.Abstractions;

namespace OptionsAutomation.Integration.Tests.Positions;

/// <summary>
/// Positions are what their fills say. Seeded random trades go through the live path — an approval through the paper
/// broker, then manual closes that fill in random parts at random prices with random commissions — and after every
/// step the position and its trade_history rows are compared with a replay of the stored fills through the fill
/// ledgers (<see cref="StrategyLedger"/>, under both realized-P&amp;L methods): open quantity, gross realized P&amp;L and
/// fees to the cent, and once flat the net realized P&amp;L.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Slow")]
public sealed class FillReplayPropertyTests(PostgresServer server, ITestOutputHelper output)
{
    private const int Trials = 25;
    private static readonly DateTimeOffset ProposedAt = new(2021, 3, 1, 21, 0, 0, TimeSpan.Zero);
    // Tuesday 2021-03-02, 10:00 New York: the closes happen in the session that follows.
    private static readonly DateTimeOffset ClosingFrom = new(2021, 3, 2, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RandomFillSequences_LivePositionsEqualTheirFillReplay_ToTheCent()
    {
        var random = new Random(20261206);
        for (var trial = 0; trial < Trials; trial++)
        {
            await using var db = await TestDatabase.CreateAsync(server);
            var openingFee = 0.50m + (0.05m * random.Next(5));
            var size = 10m * (1 + random.Next(3));
            output.WriteLine($"trial {trial}: {size}% sizing, opening fee {openingFee}/contract");
            var position = await OpenAsync(db, openingFee, size);
            var step = 0;
            while (position.Status == PositionStatus.Open)
            {
                var clock = new RealTimersClock(ClosingFrom.AddMinutes(30 * step++));
                var perFill = random.Next(3);
                var h = new ExitHarness(db, clock, paper: new PaperBrokerSettings { FeePerContract = 0.50m + (0.05m * random.Next(5)), MaxContractsPerFill = perFill });
                var bid = 0.50m + (0.01m * random.Next(400));
                h.QuoteShortPut(position, bid, bid + (0.01m * (1 + random.Next(20))), clock.GetUtcNow().AddSeconds(-30));
                // One look fills at most perFill contracts; the quote is then gone, so the rest rests until it is cancelled.
                h.QuoteShortPut(position, null, null, clock.GetUtcNow().AddSeconds(1));
                await h.Exits.CloseManuallyAsync(position.PositionId, "prop", CancellationToken.None);
                position = (await h.Positions.FindAsync(position.PositionId))!;
                output.WriteLine($"  close {step}: {perFill} per fill → {position.Quantity} open, {position.ClosedQuantity} closed, realized {position.RealizedPnl}");
                await AssertReplayAgreesAsync(db, position, trial);
            }
        }
    }

    private static async Task<Position> OpenAsync(TestDatabase db, decimal fee, decimal sizingPercent)
    {
        var clock = new RealTimersClock(ProposedAt);
        var harness = new ProposalHarness(db, clock, new RiskSettings { MaxOrderNotional = 200_000m, MaxOrderNotionalPercent = 50m },
            new PaperBrokerSettings { StartingEquity = 400_000m, FeePerContract = fee });
        var proposal = Assert.Single((await harness.Proposals(ProposalHarness.SpyOnly("CSP"), new SizingSettings { CollateralPerTradePct = sizingPercent })
            .RunAsync(ProposedAt, CancellationToken.None)).Proposals);
        var outcome = await harness.Approvals(new ExecutionSettings { AllowOutsideSession = true }).ApproveAsync(proposal.RequestId, "prop", CancellationToken.None);
        Assert.Equal(ProposalStatus.Executed, outcome.Status);
        return (await db.Positions(clock).FindByRequestIdAsync(proposal.RequestId))!;
    }

    private static async Task AssertReplayAgreesAsync(TestDatabase db, Position position, int trial)
    {
        var trades = (await db.Positions(TimeProvider.System).HistoryAsync(null, null)).Where(t => t.PositionId == position.PositionId).ToList();
        var fills = await StoredFillsAsync(db, position.PositionId);
        foreach (var method in Enum.GetValues<RealizedPnlMethod>())
        {
            var ledger = Replay(fills, method);
            var context = $"trial {trial}, {method}, after {trades.Count} close(s)";
            var shortLeg = ledger.Legs.Single(l => l.Symbol == position.Legs[0].Contract.OccSymbol);
            Assert.True(-shortLeg.Quantity == (position.Status == PositionStatus.Open ? position.Quantity : 0), $"{context}: open quantity");
            // Live trade rows carry P&L after their share of fees; gross = P&L + fees.
            Assert.True(ledger.RealizedPnl == trades.Sum(t => t.PnlRealized + t.Fees), $"{context}: gross realized {ledger.RealizedPnl} vs {trades.Sum(t => t.PnlRealized + t.Fees)}");
            var feesPaid = trades.Sum(t => t.Fees) + (position.Status == PositionStatus.Open ? position.Fees : 0m);
            Assert.True(ledger.Fees == feesPaid, $"{context}: fees {ledger.Fees} vs {feesPaid}");
            if (position.Status != PositionStatus.Open)
            {
                Assert.True(ledger.NetRealizedPnl == position.RealizedPnl && ledger.NetRealizedPnl == trades.Sum(t => t.PnlRealized),
                    $"{context}: net realized {ledger.NetRealizedPnl} vs position {position.RealizedPnl}");
            }
        }
    }

    private static StrategyLedger Replay(IReadOnlyList<Fill> fills, RealizedPnlMethod method) =>
        new(fills.GroupBy(f => f.Symbol, StringComparer.Ordinal)
            .Select(g => g.Aggregate(InstrumentLedger.Flat(g.Key, 100, method), (ledger, fill) => ledger.Apply(fill).Ledger)));

    private static async Task<IReadOnlyList<Fill>> StoredFillsAsync(TestDatabase db, long positionId)
    {
        await using var command = db.DataSource.CreateCommand(
            $"SELECT filled_at, symbol, side, quantity, price, fees FROM fills WHERE position_id = {positionId} ORDER BY filled_at, fill_id");
        await using var reader = await command.ExecuteReaderAsync();
        var fills = new List<Fill>();
        while (await reader.ReadAsync())
        {
            fills.Add(new Fill(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), DomainCodes.Parse<FillSide>(reader.GetString(2).ToLowerInvariant()),
                reader.GetInt32(3), reader.GetDecimal(4), reader.GetDecimal(5), 100));
        }

        return fills;
    }
}
