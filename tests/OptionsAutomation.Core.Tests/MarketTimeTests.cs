using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Tests.Support;

namespace OptionsAutomation.Core.Tests;

public sealed class MarketTimeTests
{
    [Theory]
    [InlineData(2026, 3, 3, 1, 30, 2026, 3, 2)] // 20:30 EST the day before
    [InlineData(2026, 3, 3, 5, 0, 2026, 3, 3)] // 00:00 EST
    [InlineData(2026, 3, 3, 4, 59, 2026, 3, 2)] // 23:59 EST
    [InlineData(2026, 3, 9, 3, 59, 2026, 3, 8)] // 23:59 EDT after the DST change
    [InlineData(2026, 3, 9, 4, 0, 2026, 3, 9)] // 00:00 EDT
    [InlineData(2026, 7, 1, 3, 30, 2026, 6, 30)] // summer: UTC-4
    [InlineData(2026, 1, 1, 4, 0, 2025, 12, 31)] // New Year's Eve in New York
    public void DateOf_IsTheNewYorkDate(int y, int mo, int d, int h, int mi, int ey, int em, int ed)
    {
        Assert.Equal(new DateOnly(ey, em, ed), MarketTime.DateOf(TestDates.Utc(y, mo, d, h, mi)));
    }

    [Fact]
    public void DateOf_IgnoresTheOffsetOfTheInstant()
    {
        var tokyo = new DateTimeOffset(2026, 3, 3, 10, 30, 0, TimeSpan.FromHours(9)); // 01:30Z

        Assert.Equal(new DateOnly(2026, 3, 2), MarketTime.DateOf(tokyo));
    }

    [Fact]
    public void Today_UsesTheClock()
    {
        var clock = new FakeTimeProvider(TestDates.Utc(2026, 3, 3, 1, 30));

        Assert.Equal(new DateOnly(2026, 3, 2), MarketTime.Today(clock));
    }
}
