using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Tests.Support;
using OptionsAutomation.Core.Trading.Adjustments;

namespace OptionsAutomation.Core.Tests.Trading.Adjustments;

/// <summary>
/// Every branch of the advisor on hand-computed cases. The positions expire Friday 2026-03-20 and are judged on Monday
/// 2026-02-23 (25 DTE, outside the 21-day gamma window) unless a case says otherwise. The roll chain lists 2026-03-20 and
/// the monthly 2026-04-17 (the first expiration at least 7 days later).
/// </summary>
public sealed class AdjustmentAdvisorTests
{
    private static readonly DateOnly April = new(2026, 4, 17);
    private static readonly AdjustmentSettings Settings = new();
    private static readonly ProposalSettings Proposals = new();
    private static readonly NyseCalendar Calendar = new();

    private static OptionQuote Put(DateOnly expiration, decimal strike, decimal bid, decimal ask, double delta, decimal spot) =>
        new(new OptionContract("SPY", expiration, OptionRight.Put, strike), bid, ask, null, TestQuotes.QuotedAt, spot, 0.2, delta, 1_000);

    private static PositionMark Mark(Position position, params OptionQuote[] legQuotes) =>
        PositionMarker.Mark(position, legQuotes, TestQuotes.Now, new ExitRuleSettings());

    private static AdjustmentAdvice? Evaluate(Position position, PositionMark mark, OptionChain? chain, DateOnly? today = null,
        AdjustmentSettings? settings = null, ProposalSettings? proposals = null, bool pending = false) =>
        AdjustmentAdvisor.Evaluate(position, mark, chain, today ?? TestQuotes.Today, settings ?? Settings, proposals ?? Proposals, Calendar, pending);

    /// <summary>April puts 555–580 with |delta| 0.21–0.52, 20 cents wide; 0.26 at 560 is the one nearest the 0.25 target.</summary>
    private static OptionChain AprilChain(decimal spot, params OptionQuote[] extra) => new("SPY", spot, TestQuotes.QuotedAt,
    [
        Put(April, 580m, 8.90m, 9.10m, -0.52, spot),
        Put(April, 575m, 6.90m, 7.10m, -0.45, spot),
        Put(April, 570m, 5.40m, 5.60m, -0.38, spot),
        Put(April, 565m, 4.20m, 4.40m, -0.31, spot),
        Put(April, 560m, 3.20m, 3.40m, -0.26, spot),
        Put(April, 555m, 2.40m, 2.60m, -0.21, spot),
        .. extra,
    ]);

    [Fact]
    public void RiskScore_WeighsDeltaDistanceLossAndTime()
    {
        // delta (0.46−0.25)/0.35 = 0.6 → 21; cushion (585−580)/585 = 0.8547% → distance 1 − 0.8547/5 = 0.82906 → 20.73;
        // loss 50/350 = 0.142857, /0.5 → 0.285714 → 7.14; 25 DTE is outside the 21-day window → 0. Sum 48.87 → 49.
        var score = RiskScore.Compute(new RiskInputs(-0.46, 585m, 580m, -50m, 350m, 25), Settings);

        Assert.Equal(49, score.Score);
        Assert.Equal(0.6, score.DeltaPart, 9);
        Assert.Equal(1 - (5.0 / 585 * 100 / 5), score.DistancePart, 9);
        Assert.Equal(50.0 / 350 / 0.5, score.LossPart, 9);
        Assert.Equal(0, score.TimePart);
    }

    [Fact]
    public void RiskScore_TimeCountsOnlyAsNearTheStrikeAsSpotIs()
    {
        // Spot at the strike (distance 1), 4 DTE: time (21−4)/21 = 0.809524 → 12.14; delta capped at 1 → 35; distance 25;
        // no loss. 72.14 → 72. Spot 10% above instead: distance 0, so time 0 too; delta 35 alone.
        Assert.Equal(72, RiskScore.Compute(new RiskInputs(-0.80, 580m, 580m, 10m, 350m, 4), Settings).Score);
        Assert.Equal(35, RiskScore.Compute(new RiskInputs(-0.80, 644.45m, 580m, 10m, 350m, 4), Settings).Score);
    }

    [Theory]
    [InlineData(39, AdjustmentUrgency.Low)]
    [InlineData(40, AdjustmentUrgency.Medium)]
    [InlineData(60, AdjustmentUrgency.High)]
    [InlineData(80, AdjustmentUrgency.Critical)]
    public void Urgency_FollowsTheScoreBands(int score, AdjustmentUrgency urgency) => Assert.Equal(urgency, Settings.UrgencyOf(score));

    [Fact]
    public void BelowTheLine_NothingIsRecommended_UnlessOneIsPendingAndWithinTheClearMargin()
    {
        // The 49 of RiskScore_WeighsDeltaDistanceLossAndTime: short 580 mid 4.00, long 575 mid 2.00 → mark 2.00, −50.
        var position = PositionBuilder.Vpc().Build();
        var mark = Mark(position, Put(TestDates.Expiration, 580m, 3.90m, 4.10m, -0.46, 585m), Put(TestDates.Expiration, 575m, 1.90m, 2.10m, -0.40, 585m));

        Assert.Null(Evaluate(position, mark, null));
        var kept = Evaluate(position, mark, null, pending: true);
        Assert.Equal(49, kept!.RiskScore);
        Assert.Equal(AdjustmentUrgency.Medium, kept.Urgency);
    }

    [Fact]
    public void Csp_RollsOutToTheMonthlyAndDownToTheLowestStrikeThatPaysANetCreditAtNatural()
    {
        // CSP 580 sold for 3.00, now 5.90/6.10 at −0.55 delta with spot at 578: delta 0.30/0.35 → 30; distance 1 → 25;
        // loss (6.00−3.00)×100 = 300 of 57,700 → 0.0052/0.5 × 25 = 0.26; → 55.26 → 55 MEDIUM.
        var position = PositionBuilder.Csp(credit: 3.00m).Build();
        var mark = Mark(position, Put(TestDates.Expiration, 580m, 5.90m, 6.10m, -0.55, 578m));

        var advice = Evaluate(position, mark, AprilChain(578m, Put(April, 585m, 11.00m, 11.20m, -0.58, 578m)));

        // Closing at natural costs the 6.10 ask. From the 560 target up: 560 bid 3.20 → −2.90, 565 → −1.90, 570 → −0.70,
        // 575 bid 6.90 → +0.80: the roll. At mid: 7.00 − 6.00 = 1.00. The 585 put (above the old strike) is never offered.
        Assert.Equal(AdjustmentKind.Roll, advice!.Kind);
        Assert.Equal((55, AdjustmentUrgency.Medium, 1), (advice.RiskScore, advice.Urgency, advice.Contracts));
        Assert.Equal(new RollTarget(April, 575m, null, 0.80m), advice.Roll);
        Assert.Equal(new RollCandidate(April, 575m, null, 0.45, 6.10m, 6.90m, 0.80m, 1.00m), advice.Numbers.Roll);
        Assert.Equal(6.00m, advice.Numbers.MarkPrice);
    }

    [Fact]
    public void Roll_GoesToMonthliesOnlyWhenTheScreenerDoes()
    {
        var position = PositionBuilder.Csp(credit: 3.00m).Build();
        var mark = Mark(position, Put(TestDates.Expiration, 580m, 5.90m, 6.10m, -0.55, 578m));
        // A Weekly on 2026-03-27 (7 days later) whose 575 pays 6.30 − 6.10 = 0.20.
        var chain = AprilChain(578m, Put(new DateOnly(2026, 3, 27), 575m, 6.30m, 6.50m, -0.30, 578m));

        Assert.Equal(new RollTarget(new DateOnly(2026, 3, 27), 575m, null, 0.20m), Evaluate(position, mark, chain)!.Roll);
        Assert.Equal(new RollTarget(April, 575m, null, 0.80m), Evaluate(position, mark, chain, proposals: Proposals with { MonthlyExpirationsOnly = true })!.Roll);
    }

    /// <summary>VPC 580/575 for 1.50 with spot at the strike: short 4.90/5.10 (−0.50), long 2.40/2.60.</summary>
    private static (Position Position, PositionMark Mark) ThreatenedSpread(int quantity)
    {
        var position = PositionBuilder.Vpc().WithQuantity(quantity).Build();
        return (position, Mark(position, Put(TestDates.Expiration, 580m, 4.90m, 5.10m, -0.50, 580m), Put(TestDates.Expiration, 575m, 2.40m, 2.60m, -0.45, 580m)));
    }

    [Fact]
    public void Vpc_WithoutARollForACredit_OneContractIsClosed()
    {
        // delta 0.25/0.35 → 25; distance 1 → 25; loss (2.50−1.50)×100 = 100 of 350 → 0.5714 × 25 = 14.29; → 64 HIGH.
        var (position, mark) = ThreatenedSpread(1);

        var advice = Evaluate(position, mark, AprilChain(580m));

        // Close at natural: 5.10 − 2.40 = 2.70. Best new spread keeping the 5 width: 580/575 at 8.90 − 7.10 = 1.80 → −0.90.
        Assert.Equal((AdjustmentKind.Close, 64, AdjustmentUrgency.High, 1), (advice!.Kind, advice.RiskScore, advice.Urgency, advice.Contracts));
        Assert.Null(advice.Roll);
        Assert.Equal(new RollCandidate(April, 580m, 575m, 0.52, 2.70m, 1.80m, -0.90m, -0.50m), advice.Numbers.Roll);
        Assert.Contains("no roll for a credit (best -0.90 at natural)", advice.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, 2)]
    [InlineData(3, 1)]
    public void Vpc_WithoutARollForACredit_ALargerPositionIsReducedByHalf(int quantity, int reduceBy)
    {
        var (position, mark) = ThreatenedSpread(quantity);

        var advice = Evaluate(position, mark, AprilChain(580m));

        Assert.Equal((AdjustmentKind.Reduce, 64, reduceBy), (advice!.Kind, advice.RiskScore, advice.Contracts));
    }

    [Fact]
    public void WithoutARoll_ALossBeyondTheThresholdClosesEveryContract()
    {
        // Short 7.90/8.10 (−0.40) and long 4.40/4.60 with spot 585: mark 3.50, loss 200 of 350 per contract = 0.5714 ≥ 0.5.
        // delta 0.15/0.35 → 15; distance 0.82906 → 20.73; loss capped → 25; → 60.73 → 61 HIGH: a close of all 4, not a reduction.
        var position = PositionBuilder.Vpc().WithQuantity(4).Build();
        var mark = Mark(position, Put(TestDates.Expiration, 580m, 7.90m, 8.10m, -0.40, 585m), Put(TestDates.Expiration, 575m, 4.40m, 4.60m, -0.35, 585m));

        var advice = Evaluate(position, mark, null);

        Assert.Equal((AdjustmentKind.Close, 61, 4), (advice!.Kind, advice.RiskScore, advice.Contracts));
        Assert.Contains("no roll quoted", advice.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutARoll_ACriticalScoreClosesEveryContractWhateverTheLoss()
    {
        // CSP 580 for 3.00, 4 DTE (Monday 2026-03-16), spot 560 below the strike, −0.80 delta, mid 21.00:
        // 35 + 25 + loss 1,800 of 57,700 → 0.0312/0.5 × 25 = 1.56 + time 17/21 × 15 = 12.14 → 73.70 → 74; CRITICAL from 70 here.
        var position = PositionBuilder.Csp(credit: 3.00m).WithQuantity(2).Build();
        var mark = Mark(position, Put(TestDates.Expiration, 580m, 20.90m, 21.10m, -0.80, 560m));

        var advice = Evaluate(position, mark, null, new DateOnly(2026, 3, 16), Settings with { HighAtScore = 60, CriticalAtScore = 70 });

        Assert.Equal((AdjustmentKind.Close, 74, AdjustmentUrgency.Critical, 2), (advice!.Kind, advice.RiskScore, advice.Urgency, advice.Contracts));
    }

    [Fact]
    public void OnlyStrikesAtOrBelowTheShortStrikeAreRolledTo()
    {
        // Only April 585 and 590 are listed: above the 580 strike, so no roll is quoted at all and the position is reduced.
        var (position, mark) = ThreatenedSpread(2);
        var chain = new OptionChain("SPY", 580m, TestQuotes.QuotedAt, [Put(April, 585m, 11.00m, 11.20m, -0.58, 580m), Put(April, 590m, 14.00m, 14.20m, -0.65, 580m)]);

        var advice = Evaluate(position, mark, chain);

        Assert.Equal(AdjustmentKind.Reduce, advice!.Kind);
        Assert.Null(advice.Numbers.Roll);
    }

    [Fact]
    public void StaleOrDeltalessMarks_RecommendNothing()
    {
        var (position, _) = ThreatenedSpread(1);
        var withoutDelta = Mark(position, Put(TestDates.Expiration, 580m, 4.90m, 5.10m, -0.50, 580m) with { Delta = null }, Put(TestDates.Expiration, 575m, 2.40m, 2.60m, -0.45, 580m));
        var stale = PositionMarker.Mark(position,
            [Put(TestDates.Expiration, 580m, 4.90m, 5.10m, -0.50, 580m), Put(TestDates.Expiration, 575m, 2.40m, 2.60m, -0.45, 580m)], TestQuotes.Now.AddHours(2), new ExitRuleSettings());

        Assert.Null(Evaluate(position, withoutDelta, AprilChain(580m)));
        Assert.Null(Evaluate(position, stale, AprilChain(580m)));
    }

    [Fact]
    public void Settings_RejectAnInconsistentConfiguration()
    {
        Assert.Empty(Settings.Validate());
        var errors = (Settings with { MediumAtScore = 70, MinRollNetCredit = 0m, ReduceFraction = 1 }).Validate();
        Assert.Equal(3, errors.Count);
    }
}
