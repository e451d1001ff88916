namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// Everything the risk figures are computed from, gathered by the caller so the analysis does no I/O:
/// the priced open positions, the underlyings' return history (null when the source had too little), the
/// account's equity and equity curve (oldest first, the last point now), today's realized P&amp;L, and the
/// problems met while gathering (positions that could not be priced, missing history), the correlations of an
/// earlier snapshot for the correlation change signal and the equity at the end of the previous New York day
/// (the last snapshot before midnight) for the daily loss (null: not read, or no such snapshot).
/// </summary>
public sealed record PortfolioInputs
{
    public required DateTimeOffset AsOf { get; init; }
    public required decimal Equity { get; init; }
    public required IReadOnlyList<RiskPosition> Positions { get; init; }
    public required ReturnHistory? History { get; init; }
    public required IReadOnlyList<decimal> EquityCurve { get; init; }
    public required decimal RealizedPnlToday { get; init; }
    public IReadOnlyList<string> Problems { get; init; } = [];
    public CorrelationSnapshot? CorrelationReference { get; init; }
    public decimal? OpeningEquity { get; init; }

    /// <summary>False when the account could not say its equity: limits measured against equity are then not judged.</summary>
    public bool EquityKnown { get; init; } = true;
}
