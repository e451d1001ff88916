namespace OptionsAutomation.Core.Risk;

/// <summary>
/// Everything the gate needs to know about the account and the market, filled by the caller just before the
/// check (from the store, the broker and market data). Missing figures are null and deny: fail closed.
/// </summary>
public sealed record RiskSnapshot
{
    /// <summary>Account equity in dollars (e.g. the broker's net liquidation value); null when unknown.</summary>
    public required decimal? Equity { get; init; }

    /// <summary>Positions with status OPEN, assigned shares included.</summary>
    public required int OpenPositions { get; init; }

    /// <summary>Sum of <see cref="RiskExposure.Of"/> over the open positions, before this order.</summary>
    public required decimal OpenExposure { get; init; }

    /// <summary>Realized P&amp;L after fees of the trades closed today (New York date); a loss is negative.</summary>
    public required decimal RealizedPnlToday { get; init; }

    /// <summary>The strategy's current market; null when there is none.</summary>
    public required OrderQuote? Quote { get; init; }

    public required CircuitBreaker Breaker { get; init; }

    public required TradingState TradingState { get; init; }

    /// <summary>The distinct underlyings of the open positions (and of orders the caller counts as open).</summary>
    public IReadOnlyList<string> HeldUnderlyings { get; init; } = [];

    /// <summary>
    /// Correlations of daily returns over the held underlyings and the order's, measured by the caller; null when there
    /// was too little history. An underlying it does not cover cannot be judged and passes the correlation check.
    /// </summary>
    public Portfolio.CovarianceModel? Correlations { get; init; }
}
