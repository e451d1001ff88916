using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Calendar;

namespace OptionsAutomation.Core.Tests.Backtest;

public sealed class ListedExpirationsTests
{
    private static readonly ListedExpirations Listing = new(new NyseCalendar());

    [Fact]
    public void Before_weeklies_only_monthly_third_fridays_are_listed()
    {
        Assert.Equal(
            [new(2008, 3, 20), new(2008, 4, 18), new(2008, 5, 16), new(2008, 6, 20), new(2008, 7, 18), new(2008, 8, 15), new(2008, 9, 19)],
            Listing.After(new DateOnly(2008, 3, 3)));
    }

    [Fact]
    public void A_friday_holiday_moves_the_expiration_to_the_session_before_and_weeklies_fill_the_next_five_weeks()
    {
        // 2021-04-02 was Good Friday; 2021-04-16 the April monthly.
        var listed = Listing.After(new DateOnly(2021, 3, 30));

        Assert.Equal([new(2021, 4, 1), new(2021, 4, 9), new(2021, 4, 16), new(2021, 4, 23), new(2021, 4, 30)], listed.Take(5));
        Assert.DoesNotContain(new DateOnly(2021, 4, 2), listed);
        Assert.Equal(new DateOnly(2021, 9, 17), listed[^1]);
    }

    [Fact]
    public void On_an_expiration_day_that_day_is_no_longer_listed()
    {
        Assert.Equal(new DateOnly(2021, 7, 23), Listing.After(new DateOnly(2021, 7, 16))[0]);
    }
}
