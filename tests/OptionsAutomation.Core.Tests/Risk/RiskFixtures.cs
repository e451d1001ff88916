using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;

namespace OptionsAutomation.Core.Tests.Risk;

/// <summary>
/// A healthy account (equity 1,000,000, nothing open, no loss today, a fresh quote at the order's price) and
/// orders well inside the default limits, so each test changes only the figure it is about.
/// </summary>
internal static class RiskFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 2, 23, 15, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Expiration = new(2026, 3, 20);

    /// <summary>A SPY 500 put for 5.00: collateral (the notional) 50,000.00.</summary>
    public static OpeningOrder Csp(string underlying = "SPY", decimal strike = 500m, decimal credit = 5.00m, int contracts = 1, string requestId = "req-1") =>
        new(requestId, CreditStrategy.Create(StrategyType.CashSecuredPut, underlying, Expiration, strike, null, credit), contracts, 100);

    /// <summary>A SPY 500/490 put spread for 2.00: max loss (the notional) 800.00.</summary>
    public static OpeningOrder Vpc(decimal shortStrike = 500m, decimal longStrike = 490m, decimal credit = 2.00m, int contracts = 1, string requestId = "req-vpc") =>
        new(requestId, CreditStrategy.Create(StrategyType.VerticalPutCredit, "SPY", Expiration, shortStrike, longStrike, credit), contracts, 100);

    public static RiskSnapshot Healthy(decimal mid = 5.00m) => new()
    {
        Equity = 1_000_000m,
        OpenPositions = 0,
        OpenExposure = 0m,
        RealizedPnlToday = 0m,
        Quote = new OrderQuote(mid, Now.AddMinutes(-1), Usable: true),
        Breaker = CircuitBreaker.Closed,
        TradingState = TradingState.Active,
    };

    /// <summary>Tripped by three losses at 14:00, so it may be reset from 14:30 with the default cooldown.</summary>
    public static CircuitBreaker TrippedBreaker() =>
        CircuitBreaker.Closed with { ConsecutiveLosses = 3, TrippedAt = Now.AddHours(-1), TripReason = BreakerTripReason.ConsecutiveLosses };

    public static RiskCheck[] AllChecks => Enum.GetValues<RiskCheck>();

    /// <summary>Correlations of underlyings whose daily returns move in lockstep (every pair correlates 1).</summary>
    public static CovarianceModel Lockstep(params string[] underlyings) => Correlated(underlyings.ToDictionary(u => u, _ => Returns));

    /// <summary>A correlation model of the given daily returns (five days each).</summary>
    public static CovarianceModel Correlated(IReadOnlyDictionary<string, double[]> returns)
    {
        var dates = Enumerable.Range(0, 5).Select(i => new DateOnly(2026, 2, 16).AddDays(i)).ToList();
        return new CovarianceModel(ReturnHistory.FromReturns(dates, returns), [.. returns.Keys.Order(StringComparer.Ordinal)]);
    }

    private static double[] Returns => [0.01, -0.02, 0.015, -0.005, 0.01];
}
