using OptionsAutomation.Core.Proposals;

namespace OptionsAutomation.Core.Tests.Proposals.Sizing;

public sealed class SizingSettingsTests
{
    [Fact]
    public void Ml_IsRefusedAsNotBuiltYet()
    {
        Assert.Equal(
            ["Sizing:Strategy is 'ml': the machine-learned sizing is not built yet; use one of fixed, kelly, volatility, portfolio."],
            new SizingSettings { Strategy = "ml" }.Validate());
    }

    [Fact]
    public void PerTickerOverrides_MustNameAStrategy_AndAWatchlistTicker()
    {
        var settings = new SizingSettings { Tickers = new Dictionary<string, string> { ["spy"] = "kelly", ["QQQ"] = "martingale", ["TSLA"] = "fixed" } };

        Assert.Equal(
            [
                "Sizing:Tickers:QQQ is 'martingale'; expected one of fixed, kelly, volatility, portfolio.",
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
