using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Proposals.Sizing;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;
using static OptionsAutomation.Core.Tests.Proposals.Sizing.SizingCases;

namespace OptionsAutomation.Core.Tests.Proposals.Sizing;

public sealed class PortfolioSizingTests
{
    // SPY's daily returns +2%, −2%, +2%, −2%: mean 0, sample variance 4 · 0.0004 / 3 = 0.000533, σ = 0.023094.
    private static readonly CovarianceModel Spy = new(
        ReturnHistory.FromReturns([new(2026, 1, 5), new(2026, 1, 6), new(2026, 1, 7), new(2026, 1, 8)],
            new Dictionary<string, double[]> { ["SPY"] = [0.02, -0.02, 0.02, -0.02] }),
        ["SPY"]);

    // Short a −0.25 put, long a −0.15 put, spot 200: (0.25 − 0.15) · 200 · 100 = 2,000 dollar delta a contract.
    private static readonly PortfolioRoom Empty = new()
    {
        ExposureOnUnderlying = 0m,
        ExposureInExpirationWeek = 0m,
        Covariance = Spy,
        HeldDeltaDollars = new Dictionary<string, double>(),
        DeltaDollarsPerContract = 2_000,
    };

    [Fact]
    public void Portfolio_FitsTheTradeUnderTheVarLimit()
    {
        var result = Size(Empty, new PortfolioRiskSettings { MaxVarPercent = 0.3 });

        // VaR of n contracts = z₀.₉₅ · σ · 2,000 · n = 1.644854 · 0.023094 · 2,000 · n = 75.97 · n.
        // Limit 0.3% × 100,000 = 300: 3 contracts (227.92) fit, 4 (303.89) do not; 3 × 380 = 1,140 < trade_budget 2,000.
        Assert.Equal(300m, result.Value("var_limit"));
        Assert.Equal(0m, result.Value("var_before"));
        Assert.Equal(227.92m, result.Value("var_after_at_var_contracts"));
        Assert.Equal((3, "var_room"), (result.Contracts, result.BindingLimit));
    }

    [Fact]
    public void Portfolio_CutsToTheRoomLeftOnTheUnderlying()
    {
        // 50% × 100,000 − 49,000 already on SPY = 1,000 → 2 contracts (VaR 151.95 is within 3,000).
        var result = Size(Empty with { ExposureOnUnderlying = 49_000m });

        Assert.Equal((2, "underlying_room"), (result.Contracts, result.BindingLimit));
    }

    [Fact]
    public void Portfolio_CutsToTheRoomLeftInTheExpirationWeek()
    {
        var result = Size(Empty with { ExposureInExpirationWeek = 49_500m });

        // 50,000 − 49,500 = 500 → 1 contract.
        Assert.Equal((1, "expiration_week_room"), (result.Contracts, result.BindingLimit));
    }

    [Fact]
    public void Portfolio_CutsACorrelatedAddition()
    {
        var result = Size(Empty with { CorrelatedWith = ["QQQ"] });

        // trade_budget 2,000 × CorrelatedCut 0.5 = 1,000 → 2 contracts.
        Assert.Equal((2, "correlation_cut"), (result.Contracts, result.BindingLimit));
    }

    [Fact]
    public void Portfolio_WithoutAVarMeasure_FallsBackToFixed()
    {
        var result = Size(Empty with { Covariance = null });

        Assert.Equal(5, result.Contracts);
        Assert.Equal(new SizingFallback("portfolio", "portfolio VaR after the trade cannot be measured: no covariance model (too little daily history)"), result.Fallback);
    }

    [Fact]
    public void ExpirationWeek_IsTheMondayOfTheWeek()
    {
        Assert.Equal(new DateOnly(2026, 3, 16), PortfolioSizing.ExpirationWeek(new DateOnly(2026, 3, 20)));
        Assert.Equal(new DateOnly(2026, 3, 16), PortfolioSizing.ExpirationWeek(new DateOnly(2026, 3, 16)));
        Assert.Equal(new DateOnly(2026, 3, 16), PortfolioSizing.ExpirationWeek(new DateOnly(2026, 3, 22)));
    }

    private static PositionSizingResult Size(PortfolioRoom room, PortfolioRiskSettings? portfolio = null) =>
        PortfolioSizing.Size(Request(), room, new SizingSettings(), new RiskSettings(), portfolio ?? new PortfolioRiskSettings(), Rules);
}
