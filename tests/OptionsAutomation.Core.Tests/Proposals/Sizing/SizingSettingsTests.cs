using OptionsAutomation.Core.Proposals;

namespace OptionsAutomation.Core.Tests.Proposals.Sizing;

public sealed class SizingSettingsTests
{
    [Fact]
    public void Ml_IsAccepted_AndItsBoundsAreChecked()
    {
        Assert.Empty(new SizingSettings { Strategy = "ml" }.Validate());
        Assert.Equal(
            ["Sizing:Ml:MinMultiplier", "Sizing:Ml:MaxMultiplier", "Sizing:Ml:MaxModelAgeDays"],
            new SizingSettings { Ml = new() { MinMultiplier = 1.5m, MaxMultiplier = 1m, MaxModelAgeDays = 0 } }.Validate()
                .Select(e => e[..e.IndexOf(' ', StringComparison.Ordinal)]));
    }

    [Fact]
    public void PerTickerOverrides_MustNameAStrategy_AndAWatchlistTicker()
    {
        var settings = new SizingSettings { Tickers = new Dictionary<string, string> { ["spy"] = "kelly", ["QQQ"] = "martingale", ["TSLA"] = "fixed" } };

        Assert.Equal(
            [
                "Sizing:Tickers:QQQ is 'martingale'; expected one of fixed, kelly, volatility, portfolio, ml.",
                "Sizing:Tickers:TSLA names a ticker that is not in Proposals:Watchlist.",
            ],
            settings.Validate(["SPY", "QQQ"]));
        Assert.Equal(("kelly", "fixed"), (settings.StrategyFor("SPY"), settings.StrategyFor("IWM")));
    }

    [Fact]
    public void Bounds_AreChecked()
    {
        var errors = new SizingSettings { KellyFraction = 0m, KellyMinTrades = 1, VolatilityMinScale = 1m, VolatilityMaxScale = 0.5m, CorrelatedCut = 2m }.Validate();

        // A minimum scale of 1 is allowed; the maximum below it is not.
        Assert.Equal(
            ["Sizing:KellyFraction", "Sizing:KellyMinTrades", "Sizing:VolatilityMaxScale", "Sizing:CorrelatedCut"],
            errors.Select(e => e[..e.IndexOf(' ', StringComparison.Ordinal)]));
    }
}
