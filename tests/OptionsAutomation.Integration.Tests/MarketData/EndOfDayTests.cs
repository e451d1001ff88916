using OptionsAutomation.Infrastructure.MarketData;

namespace OptionsAutomation.Integration.Tests.MarketData;

public sealed class EndOfDayTests
{
    [Theory]
    [InlineData(2021, 1, 4, 21)] // EST: UTC-5
    [InlineData(2019, 5, 20, 20)] // EDT: UTC-4
    [InlineData(2026, 3, 6, 21)] // the Friday before DST starts
    [InlineData(2026, 3, 9, 20)] // the Monday after
    [InlineData(2026, 11, 2, 21)] // the Monday after DST ends
    public void On_Is1600NewYork(int year, int month, int day, int utcHour)
    {
        var close = EndOfDay.On(new DateOnly(year, month, day));

        Assert.Equal(new DateTimeOffset(year, month, day, utcHour, 0, 0, TimeSpan.Zero), close);
        Assert.Equal(new TimeSpan(16, 0, 0), close.TimeOfDay);
    }
}
