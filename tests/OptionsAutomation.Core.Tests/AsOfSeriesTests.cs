using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Tests.Support;

namespace OptionsAutomation.Core.Tests;

public sealed class AsOfSeriesTests
{
    private static readonly DateTimeOffset Monday = TestDates.Utc(2026, 3, 2, 21);
    private static readonly DateTimeOffset Tuesday = TestDates.Utc(2026, 3, 3, 21);
    private static readonly DateTimeOffset Thursday = TestDates.Utc(2026, 3, 5, 21);

    private static readonly AsOfSeries<Tick> Series =
        AsOfSeries<Tick>.From([new Tick(Thursday, "thu"), new Tick(Monday, "mon"), new Tick(Tuesday, "tue")], t => t.At);

    [Fact]
    public void At_BeforeTheFirstValue_IsNull()
    {
        Assert.Null(Series.At(Monday.AddTicks(-1)));
    }

    [Fact]
    public void At_ExactlyAtAValue_IsThatValue()
    {
        Assert.Equal("tue", Series.At(Tuesday)?.Name);
    }

    [Fact]
    public void At_BetweenValues_IsTheEarlierOne()
    {
        Assert.Equal("tue", Series.At(Tuesday.AddDays(1))?.Name);
        Assert.Equal("mon", Series.At(Tuesday.AddTicks(-1))?.Name);
    }

    [Fact]
    public void At_AfterTheLastValue_IsTheLastOne()
    {
        Assert.Equal("thu", Series.At(Thursday.AddYears(1))?.Name);
    }

    [Fact]
    public void At_ComparesInstantsNotClockReadings()
    {
        // 17:00 in New York on Tuesday is 22:00Z, after Tuesday's 21:00Z value.
        var newYork = new DateTimeOffset(2026, 3, 3, 17, 0, 0, TimeSpan.FromHours(-5));

        Assert.Equal("tue", Series.At(newYork)?.Name);
        Assert.Equal("mon", Series.At(new DateTimeOffset(2026, 3, 3, 15, 59, 0, TimeSpan.FromHours(-5)))?.Name);
    }

    [Fact]
    public void From_KeepsValuesInTimeOrder()
    {
        Assert.Equal(["mon", "tue", "thu"], Series.Values.Select(v => v.Name));
    }

    [Fact]
    public void From_TwoValuesAtOneInstant_Refuses()
    {
        var sameInstantOtherOffset = new DateTimeOffset(Monday.UtcDateTime).ToOffset(TimeSpan.FromHours(-5));

        var error = Assert.Throws<ArgumentException>(() =>
            AsOfSeries<Tick>.From([new Tick(Monday, "a"), new Tick(sameInstantOtherOffset, "b")], t => t.At));

        Assert.Contains("2026-03-02T21:00:00", error.Message);
    }

    [Fact]
    public void At_OnAnEmptySeries_IsNull()
    {
        Assert.Null(AsOfSeries<Tick>.From([], t => t.At).At(Thursday));
    }

    private sealed record Tick(DateTimeOffset At, string Name);
}
