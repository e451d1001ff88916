using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Tests.Support;

namespace OptionsAutomation.Core.Tests.Proposals;

/// <summary>
/// The scale-in trigger, room and repricing on hand-computed cases. The position: SPY 580 CSP, 2 contracts sold at 1.50,
/// expiring 2026-03-20, so max profit is 300; on 2026-02-23 it is 25 days from expiry.
/// </summary>
public sealed class ScaleInTests
{
    private static readonly DateOnly Today = TestQuotes.Today;

    private static readonly ScalingInSettings ByProfit = new() { AtProfitFraction = 0.3m, MinDaysToExpiry = 21 };

    private static Position Marked(decimal? pnl, MarkQuality quality = MarkQuality.Fresh) =>
        PositionBuilder.Csp().WithQuantity(2).WithId(9).Build() with { UnrealizedPnl = pnl, MarkStatus = quality };

    [Fact]
    public void Profit_AtTheFraction_Fires()
    {
        // 0.3 × 300 = 90.
        Assert.Equal("P&L 90.00 reached 0.3 of max profit 300.00", ScaleIn.Trigger(Marked(90m), 0, null, 590m, Today, ByProfit));
        Assert.Null(ScaleIn.Trigger(Marked(89.99m), 0, null, 590m, Today, ByProfit));
    }

    [Fact]
    public void Profit_OnAStaleMark_DoesNotFire() =>
        Assert.Null(ScaleIn.Trigger(Marked(120m, MarkQuality.Stale), 0, null, 590m, Today, ByProfit));

    [Fact]
    public void Rise_OfTheUnderlyingSinceEntry_Fires()
    {
        // 570 → 581.40 is +2%; 581.39 is +1.998%.
        var settings = new ScalingInSettings { AtUnderlyingRisePct = 2m, MinDaysToExpiry = 21 };

        Assert.Equal("SPY up 2% since entry (570 → 581.40)", ScaleIn.Trigger(Marked(null), 0, 570m, 581.40m, Today, settings));
        Assert.Null(ScaleIn.Trigger(Marked(null), 0, 570m, 581.39m, Today, settings));
        Assert.Null(ScaleIn.Trigger(Marked(null), 0, null, 600m, Today, settings));
    }

    [Fact]
    public void Limits_AddsDteLotsAndScaledOutPositions_DoNotFire()
    {
        var position = Marked(150m);

        Assert.Null(ScaleIn.Trigger(position, 1, null, 590m, Today, ByProfit)); // MaxAdds 1 used
        Assert.Null(ScaleIn.Trigger(position, 0, null, 590m, Today, ByProfit with { MinDaysToExpiry = 26 })); // 25 DTE < 26
        Assert.NotNull(ScaleIn.Trigger(position, 0, null, 590m, Today, ByProfit with { MinDaysToExpiry = 25 }));
        Assert.Null(ScaleIn.Trigger(position with { ScalesPositionId = 3 }, 0, null, 590m, Today, ByProfit)); // a lot
        Assert.Null(ScaleIn.Trigger(position with { ScaledOut = true }, 0, null, 590m, Today, ByProfit));
        Assert.Null(ScaleIn.Trigger(position, 0, null, 590m, Today, new ScalingInSettings())); // off
    }

    [Theory]
    [InlineData(4, 10, 6)]
    [InlineData(10, 10, 0)]
    [InlineData(12, 10, 0)]
    public void Room_IsTheContractLimitLessWhatIsHeld(int held, int max, int expected) => Assert.Equal(expected, ScaleIn.Room(held, max));

    [Fact]
    public void Reprice_AVpc_AtTheLegsMidsNow()
    {
        // 580/575 spread: short mid 2.10, long mid 1.40 → credit 0.70; probability of profit 1 − |−0.25| = 0.75.
        var position = PositionBuilder.Vpc("SPY", 580m, 575m, 1.50m).WithQuantity(2).Build();
        var chain = new OptionChain("SPY", 590m, TestQuotes.QuotedAt,
            [TestQuotes.AtMid(position.Legs[0].Contract, 2.10m), TestQuotes.AtMid(position.Legs[1].Contract, 1.40m)]);

        var candidate = ScaleIn.Reprice(position, chain, nickelsAboveThreeDollars: false)!;

        Assert.Equal((StrategyType.VerticalPutCredit, 580m, (decimal?)575m, 0.70m), (candidate.Strategy.Type, candidate.Strategy.ShortStrike, candidate.Strategy.LongStrike, candidate.Strategy.Credit));
        Assert.Equal(position.Expiration, candidate.Strategy.Expiration);
        Assert.Equal(0.75m, candidate.ProbabilityOfProfit);
    }

    [Fact]
    public void Reprice_WithoutTheLongLegsQuote_IsNull()
    {
        var position = PositionBuilder.Vpc("SPY", 580m, 575m, 1.50m).Build();
        var chain = new OptionChain("SPY", 590m, TestQuotes.QuotedAt, [TestQuotes.AtMid(position.Legs[0].Contract, 2.10m)]);

        Assert.Null(ScaleIn.Reprice(position, chain, nickelsAboveThreeDollars: false));
    }
}
