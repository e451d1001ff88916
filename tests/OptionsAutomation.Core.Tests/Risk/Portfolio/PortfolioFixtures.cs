using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Pricing;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Core.Tests.Support;

namespace OptionsAutomation.Core.Tests.Risk.Portfolio;

/// <summary>Positions, return histories and an analyzer for the portfolio-risk tests.</summary>
internal static class PortfolioFixtures
{
    public static readonly DateTimeOffset AsOf = new(2026, 2, 27, 20, 0, 0, TimeSpan.Zero);

    public static PricingSettings Pricing { get; } = new() { RiskFreeRate = 0.04 };

    public static Revaluation Revaluation { get; } = new(Pricing.RiskFreeRate, Pricing.DividendYieldOf);

    /// <summary><paramref name="shares"/> shares of <paramref name="ticker"/> bought at <paramref name="price"/>: delta only.</summary>
    public static RiskPosition Shares(string ticker, int shares, decimal price, long id = 1) => new(
        PositionBuilder.Csp(ticker).WithId(id).Build() with
        {
            StrategyType = StrategyType.Stock,
            Legs = OptionsAutomation.Core.ValueList<OptionLeg>.Empty,
            Multiplier = 1,
            Quantity = shares,
            EntryPrice = price,
            Expiration = null,
            ShortStrike = null,
            MaxLoss = price * shares,
            Collateral = 0m,
        },
        [], (double)price, price);

    /// <summary>A short put: one contract of 100 shares, priced at <paramref name="volatility"/>.</summary>
    public static RiskPosition ShortPut(string ticker, double spot, decimal strike, double years, double volatility, int contracts = 1, long id = 1) => new(
        PositionBuilder.Csp(ticker, strike).WithId(id).WithQuantity(contracts).Build(),
        [new RiskLeg(OptionRight.Put, (double)strike, years, volatility, -100.0 * contracts)], spot, null);

    /// <summary>
    /// n daily returns whose empirical distribution is the normal with standard deviation <paramref name="sigma"/>
    /// (its quantiles at (i + ½)/n), shuffled by a fixed permutation so no series is monotone in time.
    /// </summary>
    public static double[] NormalReturns(int n, double sigma, int stride = 7) =>
        [.. Enumerable.Range(0, n).Select(i => sigma * NormalQuantile.Of(((i * stride % n) + 0.5) / n))];

    public static IReadOnlyList<DateOnly> Dates(int n) => [.. Enumerable.Range(0, n).Select(i => new DateOnly(2025, 1, 1).AddDays(i))];

    public static PortfolioInputs Inputs(IReadOnlyList<RiskPosition> positions, ReturnHistory? history, decimal equity = 100_000m) => new()
    {
        AsOf = AsOf,
        Equity = equity,
        Positions = positions,
        History = history,
        EquityCurve = [equity],
        RealizedPnlToday = 0m,
    };

    public static PortfolioRiskAnalyzer Analyzer(PortfolioRiskSettings? settings = null) =>
        new(settings ?? new PortfolioRiskSettings(), new RiskSettings(), Pricing);
}
