using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Pricing;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.MarketData.Synthetic;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Infrastructure.Telegram;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Proposals;

/// <summary>
/// Scaling in end to end on Postgres, the default synthetic market (seed 20260102) and the paper broker, at 09:15 New
/// York on Monday 2026-03-02, where the screen's candidate is the SPY VPC 630/625 of 2026-04-10 for 0.96
/// (<c>SyntheticScreenerTests</c>). Held: that spread, 2 contracts sold at 1.50 (max profit 300), marked now by the
/// real mark path. The run proposes the same legs at 0.96 for the position — sized fixed (2% of 100,000 = 2,000 over
/// a max loss of (5 − 0.96) × 100 = 404 → 4) but capped at <c>Risk:MaxPositionContracts</c> 5 less the 2 held = 3 —
/// and its fill opens a lot of its own linked to the position.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ScaleInProposalTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset NineFifteen = new(2026, 3, 2, 14, 15, 0, TimeSpan.Zero);
    private static readonly DateOnly Expiration = new(2026, 4, 10);
    private static readonly SyntheticMarketData Market = new(new SyntheticMarketDataSettings());
    private static readonly ScalingInSettings Scaling = new() { AtProfitFraction = 0.3m, MinDaysToExpiry = 30 };
    private static readonly PortfolioRiskSettings Portfolio = new() { MaxPositionContracts = 5 };

    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task AWinningPosition_GetsAnAddOfItsLegsAtTheCurrentCredit_AndTheFillOpensALinkedLot()
    {
        var clock = new RealTimersClock(NineFifteen);
        var first = await SeedMarkedSpreadAsync(clock);
        var harness = new ProposalHarness(_db, clock, new RiskSettings());

        var run = await harness.Proposals(ProposalHarness.SpyOnly("VPC"), new SizingSettings(), Market, Portfolio, Scaling).RunAsync(NineFifteen, CancellationToken.None);

        // The new entry is refused (one position per ticker: the held spread); the add is not a new slot.
        Assert.Contains(run.Denials, d => d.Code == ScreenDenialCode.TickerAtPositionLimit);
        var add = Assert.Single(run.Proposals);
        Assert.Equal($"prop-20260302-SPY-VPC-add-{first.PositionId}", add.RequestId);
        Assert.Equal((first.PositionId, Expiration, 630m, (decimal?)625m, 0.96m, 3), (add.ScalesPositionId, add.Expiration, add.ShortStrike, add.LongStrike, add.NetCredit, add.Quantity));
        Assert.Equal(4, add.Sizing!.Contracts);
        Assert.Equal(1, await _db.CountAsync("trade_requests", $"request_id = '{add.RequestId}' AND scales_position_id = {first.PositionId} AND quantity = 3"));
        Assert.Contains($"Adds to position {first.PositionId} (scaling in)\n", new ProposalCard(new CallbackData("a-test-secret-of-some-length"), 100).Text(add, NineFifteen),
            StringComparison.Ordinal);

        var outcome = await harness.Approvals(new ExecutionSettings { AllowOutsideSession = true }, Market).ApproveAsync(add.RequestId, "alice", CancellationToken.None);

        Assert.Equal(ProposalStatus.Executed, outcome.Status);
        var lot = (await _db.Store(clock).FindByRequestIdAsync(add.RequestId, CancellationToken.None))!;
        Assert.NotEqual(first.PositionId, lot.PositionId);
        Assert.Equal((PositionStatus.Open, 3, (long?)first.PositionId), (lot.Status, lot.Quantity, lot.ScalesPositionId));
        Assert.Equal(2, (await _db.Store(clock).FindAsync(first.PositionId, CancellationToken.None))!.Quantity);

        // MaxAdds 1 is used: a later run proposes no second add.
        var again = await harness.Proposals(ProposalHarness.SpyOnly("VPC"), new SizingSettings(), Market, Portfolio, Scaling).RunAsync(NineFifteen.AddMinutes(5), CancellationToken.None);
        Assert.DoesNotContain(again.Proposals, p => p.ScalesPositionId is not null);
    }

    [Fact]
    public async Task AnAddBelowTheScreensMinimumCredit_IsNotProposed()
    {
        // 0.2 × the 5-wide spread = 1.00 is the floor; the legs sell for 0.96 now (the price walk never sells below the
        // floor, so such an add could never fill).
        var clock = new RealTimersClock(NineFifteen);
        var first = await SeedMarkedSpreadAsync(clock);
        var settings = ProposalHarness.SpyOnly("VPC") with { MinVpcCreditFractionOfWidth = 0.2m };

        var run = await new ProposalHarness(_db, clock, new RiskSettings()).Proposals(settings, new SizingSettings(), Market, Portfolio, Scaling)
            .RunAsync(NineFifteen, CancellationToken.None);

        Assert.Empty(run.Proposals);
        var denial = Assert.Single(run.Denials, d => d.Code == ScreenDenialCode.CreditTooLow);
        Assert.StartsWith($"position={first.PositionId}, P&L ", denial.Context, StringComparison.Ordinal);
        Assert.EndsWith(", credit=0.96, min=1.00", denial.Context, StringComparison.Ordinal);
    }

    /// <summary>The held spread, marked now through the real mark path; its P&amp;L must clear the trigger, 0.3 × 300 = 90.</summary>
    private async Task<Position> SeedMarkedSpreadAsync(RealTimersClock clock)
    {
        var first = (await _db.Positions(clock).OpenAsync(new OpenPositionRequest
        {
            RequestId = "seed-spy-vpc",
            Strategy = StrategyType.VerticalPutCredit,
            Ticker = "SPY",
            Expiration = Expiration,
            ShortStrike = 630m,
            LongStrike = 625m,
            Credit = 1.50m,
            Quantity = 2,
            OpenedAt = NineFifteen.AddDays(-3),
            Actor = "test",
        })).Position;
        var marked = await new MarkToMarketService(_db.Store(clock), new PostgresMarkLedger(_db.DataSource), new PositionValuer(Market, new()),
            new GreeksEstimator(new PricingSettings()), clock).MarkAsync(first, NineFifteen, persist: true, CancellationToken.None);
        Assert.Equal(MarkQuality.Fresh, marked.Mark.Quality);
        Assert.InRange(marked.Position.UnrealizedPnl!.Value, 90m, 300m);
        return first;
    }
}
