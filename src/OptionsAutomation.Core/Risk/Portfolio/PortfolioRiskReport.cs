namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// The portfolio's risk at <see cref="AsOf"/>. Money in dollars (decimal, to the cent); VaR figures are losses
/// (<see cref="VarEstimate"/>); ratios (shares, correlations, betas) to 6 decimals. Figures that need history
/// are null when there was too little of it, and <see cref="Problems"/> says why.
/// </summary>
public sealed record PortfolioRiskReport
{
    public required DateTimeOffset AsOf { get; init; }
    public required decimal Equity { get; init; }
    public required IReadOnlyList<PositionRisk> Positions { get; init; }
    public required PortfolioExposure Exposure { get; init; }
    public required PortfolioGreeks Greeks { get; init; }
    public required PortfolioVar Var { get; init; }
    public required IReadOnlyList<string> Underlyings { get; init; }
    /// <summary>Rows and columns in the order of <see cref="Underlyings"/>; empty without history.</summary>
    public required IReadOnlyList<IReadOnlyList<decimal>> Correlation { get; init; }
    /// <summary>Each underlying's beta to <see cref="PortfolioRiskSettings.BetaBenchmark"/>.</summary>
    public required IReadOnlyDictionary<string, decimal> Betas { get; init; }
    /// <summary>Beta-weighted delta dollars ÷ equity: the account's one-day return for a 1 (100%) move of the benchmark, to first order.</summary>
    public required decimal? PortfolioBeta { get; init; }
    /// <summary>Sample standard deviation of the historical one-day P&amp;L of today's portfolio, in dollars.</summary>
    public required decimal? PnlVolatility { get; init; }
    public required Concentration Concentration { get; init; }
    public required Drawdown Drawdown { get; init; }
    public required IReadOnlyList<LimitReading> Limits { get; init; }
    public required IReadOnlyList<string> Problems { get; init; }
}

/// <summary>
/// Exposure in dollars: the collateral of CSPs, the max loss of every position, <see cref="Total"/> as the gate
/// counts it (<see cref="RiskExposure"/>), net delta dollars and their sum weighted by each underlying's beta
/// (SPY-equivalent dollars; null when the benchmark has no history).
/// </summary>
public sealed record PortfolioExposure(decimal Collateral, decimal MaxLoss, decimal Total, decimal DeltaDollars, decimal? BetaWeightedDeltaDollars);

/// <summary>Net dollar Greeks (units of <see cref="DollarGreeks"/>).</summary>
public sealed record PortfolioGreeks(decimal DeltaDollars, decimal GammaDollars, decimal ThetaDollars, decimal VegaDollars);

/// <summary>One-day VaR and CVaR at <see cref="Confidence"/> by each method; null where history is missing.</summary>
public sealed record PortfolioVar(double Confidence, int HorizonDays, int HistoryDays, VarEstimate? Historical, VarEstimate? Parametric, VarEstimate? MonteCarlo);

/// <summary>A stress scenario's P&amp;L by full revaluation, in dollars and as a percentage of equity.</summary>
public sealed record StressResult(string Name, double UnderlyingMovePercent, double VolatilityChangePercent, double DaysForward, decimal Pnl, decimal? PnlPercentOfEquity);
