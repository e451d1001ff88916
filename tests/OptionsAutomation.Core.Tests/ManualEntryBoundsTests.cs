using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Tests;

public sealed class ManualEntryBoundsTests
{
    private const int MaxContracts = 10;
    private const int MaxYears = 3;
    private static readonly DateTimeOffset Now = new(2026, 2, 20, 15, 0, 0, TimeSpan.Zero);

    private static OpenPositionRequest Csp(int quantity = 1, string expiration = "2026-03-20", DateTimeOffset? openedAt = null) => new()
    {
        RequestId = "bounds",
        Strategy = StrategyType.CashSecuredPut,
        Ticker = "SPY",
        Expiration = DateOnly.Parse(expiration, System.Globalization.CultureInfo.InvariantCulture),
        ShortStrike = 580m,
        Credit = 1.50m,
        Quantity = quantity,
        OpenedAt = openedAt,
    };

    private static IReadOnlyList<string> Problems(OpenPositionRequest request) =>
        ManualEntryBounds.Problems(request, MaxContracts, MaxYears, Now);

    [Fact]
    public void Problems_AtTheMaximumContractsAndHorizon_None() =>
        Assert.Empty(Problems(Csp(quantity: MaxContracts, expiration: "2029-02-20")));

    [Theory]
    [InlineData(11)]
    [InlineData(1_000_000)]
    public void Problems_AboveMaxContracts_NamesTheSettingAndTheValue(int quantity)
    {
        var problem = Assert.Single(Problems(Csp(quantity)));

        Assert.StartsWith($"quantity {quantity} is above Risk:MaxPositionContracts (10)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_ExpirationADayPastTheHorizon_NamesTheLatestAccepted()
    {
        var problem = Assert.Single(Problems(Csp(expiration: "2029-02-21")));

        Assert.Equal(
            "expiration 2029-02-21 is more than Positions:MaxExpirationYears (3) years after the open date; the latest accepted is 2029-02-20.", problem);
    }

    [Fact]
    public void Problems_HorizonCountsFromTheOpenDateNotToday()
    {
        var openedAt = new DateTimeOffset(2024, 1, 2, 15, 0, 0, TimeSpan.Zero);

        Assert.Empty(Problems(Csp(expiration: "2027-01-02", openedAt: openedAt)));
        Assert.Single(Problems(Csp(expiration: "2027-01-04", openedAt: openedAt)));
    }

    [Fact]
    public void Problems_OpenedBefore2000_Refused()
    {
        var problem = Assert.Single(Problems(Csp(openedAt: new DateTimeOffset(1999, 12, 31, 15, 0, 0, TimeSpan.Zero))));

        Assert.Contains("outside the years the NYSE calendar covers (2000 to 2100)", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void PositionSettings_MaxExpirationYearsOutOfRange_NamesTheKey(int years) =>
        Assert.Equal(
            $"Positions:MaxExpirationYears must be 1 to 10, was {years}.",
            Assert.Single(new PositionSettings { MaxExpirationYears = years }.Validate()));
}
