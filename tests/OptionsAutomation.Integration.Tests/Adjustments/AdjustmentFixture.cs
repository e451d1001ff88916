using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Adjustments;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Integration.Tests.Exits;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Adjustments;

/// <summary>
/// A threatened CSP in a real database on Wednesday 2026-03-11 10:35 New York: SPY 580 put sold for 3.00 × 2, expiring
/// 2026-03-20 (9 DTE), quoted 5.90/6.10 at −0.55 delta with SPY at 578. Its risk: delta 0.30/0.35 × 35 = 30, spot below
/// the strike 25, loss 600 of 115,400 → 0.26, time (21 − 9)/21 × 15 = 8.57 → 63.83 → 64 HIGH. Without a chain it is a
/// REDUCE of 1; with <see cref="QuoteAprilChain"/> a ROLL to the April 575 put for 6.90 − 6.10 = 0.80 at natural.
/// </summary>
internal sealed class AdjustmentFixture
{
    public static readonly DateTimeOffset Tick = new(2026, 3, 11, 14, 35, 0, TimeSpan.Zero);
    public static readonly DateOnly March = new(2026, 3, 20);
    public static readonly DateOnly April = new(2026, 4, 17);

    /// <summary>
    /// Exit rules under which the sweep HOLDs the put at every quote here (no stop at 2×, no 21-DTE exit, no profit
    /// target at the calm quote), so that what the tick's review does is what is tested.
    /// </summary>
    private static readonly ExitRuleSettings Holding = new() { CspStopLossMultiple = 100m, ExitAtDaysToExpiry = 0, ProfitTargetFraction = 0.95m };

    private AdjustmentFixture(ExitHarness harness, Position position, IRollExecutor rolls)
    {
        Harness = harness;
        Position = position;
        Store = new PostgresAdjustmentStore(harness.Db.DataSource);
        Review = harness.Review();
        Approvals = new AdjustmentApprovals(Store, new PostgresOrderRecords(harness.Db.DataSource), harness.Journal, harness.Db.Store(harness.Clock), harness.Exits, rolls, new KeyedGate(),
            new Core.Calendar.NyseCalendar(), harness.Execution, harness.Clock);
    }

    public ExitHarness Harness { get; }

    public Position Position { get; }

    public PostgresAdjustmentStore Store { get; }

    public AdjustmentReview Review { get; }

    public AdjustmentApprovals Approvals { get; }

    public static Task<AdjustmentFixture> CreateAsync(TestDatabase db, IRollExecutor rolls, DateTimeOffset? at = null) =>
        CreateAsync(db, _ => rolls, at);

    /// <param name="rolls">The roll executor, built over the fixture's harness (its quotes, clock and paper broker).</param>
    public static async Task<AdjustmentFixture> CreateAsync(TestDatabase db, Func<ExitHarness, IRollExecutor> rolls, DateTimeOffset? at = null)
    {
        var clock = new RealTimersClock(at ?? Tick);
        var harness = new ExitHarness(db, clock, Holding);
        var position = (await harness.OpenCspAsync("adj-1", 580m, 3.00m, March, clock.GetUtcNow().AddDays(-7), quantity: 2)).Position;
        var fixture = new AdjustmentFixture(harness, position, rolls(harness));
        fixture.QuoteShortPut(5.90m, 6.10m, -0.55, 578m);
        return fixture;
    }

    public void QuoteShortPut(decimal bid, decimal ask, double delta, decimal spot) =>
        Harness.Quotes.Quote(Position.Legs[0].Contract, bid, ask, Harness.Clock.GetUtcNow().AddMinutes(-1), spot, 0.2, delta);

    /// <summary>April puts 560–580; 560 (0.26) is nearest the 0.25 target; 575 is the first from there to pay a credit.</summary>
    public void QuoteAprilChain()
    {
        var at = Harness.Clock.GetUtcNow().AddMinutes(-1);
        OptionQuote Put(decimal strike, decimal bid, decimal ask, double delta) =>
            new(new OptionContract("SPY", April, OptionRight.Put, strike), bid, ask, null, at, 578m, 0.2, delta, 1_000);
        Harness.Quotes.Chain(new OptionChain("SPY", 578m, at,
            [Put(580m, 8.90m, 9.10m, -0.52), Put(575m, 6.90m, 7.10m, -0.45), Put(570m, 5.40m, 5.60m, -0.38), Put(565m, 4.20m, 4.40m, -0.31), Put(560m, 3.20m, 3.40m, -0.26)]));
    }

    /// <summary>One exit tick, as the worker runs it: the sweep marks, decides, then reviews with <paramref name="review"/> (the fixture's by default).</summary>
    public async Task<AdjustmentReviewOutcome> SweepAsync(AdjustmentReview? review = null) =>
        (await Harness.Sweep(review ?? Review).RunAsync(Harness.Clock.GetUtcNow(), CancellationToken.None)).Adjustments;

    public async Task<Adjustment> ReviewOneAsync()
    {
        var review = await SweepAsync();
        Assert.Empty(review.Failed);
        return Assert.Single(review.Pending);
    }
}
