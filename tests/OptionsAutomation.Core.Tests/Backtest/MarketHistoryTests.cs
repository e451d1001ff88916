using OptionsAutomation.Core.Backtest;

namespace OptionsAutomation.Core.Tests.Backtest;

public sealed class MarketHistoryTests
{
    [Fact]
    public void The_continuous_rate_converts_the_discount_rate_of_a_91_day_bill()
    {
        // −ln(1 − 0.04·91/360)·365/91
        Assert.Equal(0.04076198, new TreasuryBillRate(new DateOnly(2024, 1, 2), 4.00m, false).ContinuousRate, 8);
        Assert.Equal(0, new TreasuryBillRate(new DateOnly(2024, 1, 2), 0m, false).ContinuousRate);
    }

    [Fact]
    public void A_day_takes_its_bar_and_vix_and_the_last_rate_published_on_or_before_it()
    {
        var (monday, tuesday) = (new DateOnly(2024, 1, 8), new DateOnly(2024, 1, 9));
        var history = new MarketHistory(
            [new DailyBar(monday, 1, 2, 1, 2, 2, 10), new DailyBar(tuesday, 2, 3, 2, 3, 3, 10)],
            [new IndexClose(monday, 13m), new IndexClose(tuesday, 14m)],
            [new TreasuryBillRate(new DateOnly(2024, 1, 5), 5.00m, false)]);

        Assert.Equal(new MarketDay(tuesday, 3m, 14m, new TreasuryBillRate(tuesday, 5.00m, false).ContinuousRate), history.DayOn(tuesday));
        Assert.Null(history.DayOn(new DateOnly(2024, 1, 10)));
        Assert.Null(history.RateOn(new DateOnly(2024, 1, 4)));
    }
}
