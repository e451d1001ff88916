using OptionsAutomation.Core.Backtest;

namespace OptionsAutomation.Core.Tests.Backtest;

public sealed class BacktestRulesTests
{
    [Fact]
    public void CashInterest_CompoundsTheContinuousRateOverCalendarDays_ToTheCent()
    {
        // $100,000 at 5% continuous over a weekend (Friday → Monday, 3 days): 100000 × (e^(0.05 × 3/365) − 1) = 41.1015…
        Assert.Equal(41.10m, CashInterest.Between(100_000m, 0.05, new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 4)));
        Assert.Equal(0m, CashInterest.Between(100_000m, 0.05, new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 4)));
        Assert.Equal(0m, CashInterest.Between(-5m, 0.05, new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 4)));
    }

    [Fact]
    public void ApprovalDraw_IsFixedBySeedAndRequestId_AndApprovesAboutTheShare()
    {
        var ids = Enumerable.Range(0, 10_000).Select(i => $"prop-{i}").ToArray();

        Assert.All(ids, id => Assert.True(ApprovalDraw.Approves(1m, 3, id)));
        Assert.All(ids, id => Assert.False(ApprovalDraw.Approves(0m, 3, id)));
        var approved = ids.Count(id => ApprovalDraw.Approves(0.3m, 3, id));
        Assert.InRange(approved, 2_850, 3_150);
        Assert.Equal(ApprovalDraw.Fraction(3, "prop-20210301-SPY-CSP"), ApprovalDraw.Fraction(3, "prop-20210301-SPY-CSP"));
        Assert.NotEqual(ApprovalDraw.Fraction(3, "prop-20210301-SPY-CSP"), ApprovalDraw.Fraction(4, "prop-20210301-SPY-CSP"));
    }
}
