namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// Reads every portfolio limit from a report: position size and value, total exposure and daily loss (the gate's
/// own limits, so monitoring and the gate agree), drawdown, VaR, volatility-scaled size (a position's stand-alone
/// parametric VaR) and correlation. Limits whose input is missing (no history, no equity) are left out.
/// </summary>
internal sealed class PortfolioLimits(PortfolioRiskSettings settings, RiskSettings gate)
{
    public const string Dollars = "USD";
    public const string Percent = "%";

    /// <summary>
    /// Today's loss marked to market: the fall in equity since the previous day's last snapshot, so an open position
    /// losing counts before it is closed. Without such a snapshot (the first day, or history pruned) it is the
    /// realized loss, as the pre-trade gate counts it.
    /// </summary>
    private LimitReading DailyLoss(PortfolioInputs inputs, double warn) => inputs is { OpeningEquity: { } opening, EquityKnown: true }
        ? LimitReading.Of("daily_loss", Math.Max(opening - inputs.Equity, 0m), gate.MaxDailyLoss, Dollars, warn, "marked to market since the previous close")
        : LimitReading.Of("daily_loss", Math.Max(-inputs.RealizedPnlToday, 0m), gate.MaxDailyLoss, Dollars, warn, "realized today");

    public IReadOnlyList<LimitReading> Read(PortfolioRiskReport report, PortfolioInputs inputs, CovarianceModel? model, IReadOnlyList<(RiskPosition Position, double Delta)>? covered)
    {
        var warn = settings.WarnAtPercent;
        var readings = new List<LimitReading>();
        var options = report.Positions.Where(p => p.StrategyType != Instruments.StrategyType.Stock).ToList();
        var largestSize = options.OrderByDescending(p => p.Quantity).FirstOrDefault();
        readings.Add(LimitReading.Of("position_size", largestSize?.Quantity ?? 0, settings.MaxPositionContracts, "contracts", warn, Largest(largestSize)));
        var largestValue = report.Positions.OrderByDescending(p => p.Exposure).FirstOrDefault();
        readings.Add(LimitReading.Of("position_value", largestValue?.Exposure ?? 0m, settings.MaxPositionValue, Dollars, warn, Largest(largestValue)));
        readings.Add(LimitReading.Of("exposure", report.Exposure.Total, gate.MaxTotalExposure, Dollars, warn));
        readings.Add(DailyLoss(inputs, warn));
        // Drawdown and the VaR shares are fractions of equity: without it they would be fractions of nothing.
        if (inputs.EquityKnown)
        {
            readings.Add(LimitReading.Of("drawdown", -report.Drawdown.Current * 100m, (decimal)settings.MaxDrawdownPercent, Percent, warn));
        }

        if (inputs.EquityKnown && report.Equity > 0m && report.Var.Historical is { } historical)
        {
            readings.Add(LimitReading.Of("var", Math.Round(historical.Var / report.Equity * 100m, 4, MidpointRounding.AwayFromZero), (decimal)settings.MaxVarPercent, Percent, warn));
        }

        if (inputs.EquityKnown && report.Equity > 0m && model is not null && covered is { Count: > 0 })
        {
            var z = NormalQuantile.Of(settings.VarConfidence);
            var (position, standalone) = covered
                .Select(c => (c.Position, Var: z * Math.Abs(c.Delta) * model.Volatilities[model.IndexOf(c.Position.Underlying)]))
                .MaxBy(c => c.Var);
            readings.Add(LimitReading.Of("position_var", Math.Round(RiskRounding.Cents(standalone) / report.Equity * 100m, 4, MidpointRounding.AwayFromZero),
                (decimal)settings.MaxPositionVarPercent, Percent, warn, $"position {position.Position.PositionId}"));
        }

        if (model is not null)
        {
            var held = report.Positions.Select(p => p.Ticker).Distinct(StringComparer.Ordinal).ToList();
            var worst = held
                .Select(u => (Underlying: u, Peers: CorrelationRule.PeersOf(u, held, model, settings.CorrelationThreshold)))
                .OrderByDescending(x => x.Peers.Count).ThenBy(x => x.Underlying, StringComparer.Ordinal).FirstOrDefault();
            readings.Add(LimitReading.Of("correlation", worst.Peers?.Count ?? 0, settings.MaxCorrelatedUnderlyings, "underlyings", warn,
                worst.Peers is { Count: > 0 } peers ? $"{worst.Underlying} correlates above {settings.CorrelationThreshold} with {string.Join(", ", peers)}" : null));
        }

        return readings;
    }

    private static string? Largest(PositionRisk? position) => position is null ? null : $"position {position.PositionId}";
}
