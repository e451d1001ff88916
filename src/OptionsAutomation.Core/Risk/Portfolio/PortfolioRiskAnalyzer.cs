using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Pricing;

namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// Computes the portfolio's risk report and stress results from <see cref="PortfolioInputs"/>. Pure: the same
/// inputs and settings give the same figures (the Monte Carlo is seeded). Positions whose underlying has no
/// return history still count in exposure, Greeks and stress, but not in VaR (a problem says so).
/// </summary>
public sealed class PortfolioRiskAnalyzer(PortfolioRiskSettings settings, RiskSettings gate, PricingSettings pricing)
{
    private readonly Revaluation _revaluation = new(pricing.RiskFreeRate, pricing.DividendYieldOf);

    /// <summary>The position's dollar delta from the model at today's market (see <see cref="DollarGreeks"/>).</summary>
    public double DeltaDollars(RiskPosition position) => _revaluation.Greeks(position).Delta;

    public IReadOnlyList<StressResult> Stress(PortfolioInputs inputs) =>
        [.. settings.Scenarios.Select(s =>
        {
            var pnl = RiskRounding.Cents(_revaluation.Pnl(inputs.Positions, s.Shock));
            return new StressResult(s.Name, s.UnderlyingMovePercent, s.VolatilityChangePercent, s.DaysForward, pnl, PercentOf(pnl, inputs.Equity));
        })];

    public PortfolioRiskReport Report(PortfolioInputs inputs)
    {
        var problems = inputs.Problems.ToList();
        var greeks = inputs.Positions.Select(_revaluation.Greeks).ToList();
        // By reference, built once: an IndexOf per position compared records field by field, quadratic in the positions.
        var greeksOf = new Dictionary<RiskPosition, DollarGreeks>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < greeks.Count; i++)
        {
            greeksOf[inputs.Positions[i]] = greeks[i];
        }

        var model = Model(inputs, problems);
        var covered = model is null ? [] : inputs.Positions.Where(p => model.IndexOf(p.Underlying) >= 0).ToList();
        var valueAtRisk = new ValueAtRisk(_revaluation, settings.VarConfidence);

        VarEstimate? historical = null, monteCarlo = null;
        ParametricVar? parametric = null;
        decimal? pnlVolatility = null;
        if (model is not null && inputs.History is { } history)
        {
            var (estimate, pnl) = valueAtRisk.Historical(covered, history);
            historical = estimate;
            pnlVolatility = RiskRounding.Cents(RiskStatistics.StandardDeviation(pnl));
            parametric = valueAtRisk.Parametric([.. covered.Select(p => (p, greeksOf[p].Delta))], model);
            monteCarlo = valueAtRisk.MonteCarlo(covered, model, settings.MonteCarloPaths, settings.Seed);
        }

        var components = new Dictionary<RiskPosition, double>();
        for (var i = 0; i < covered.Count && parametric is not null; i++)
        {
            components[covered[i]] = parametric.Components[i];
        }

        var betas = Betas(model);
        var positions = inputs.Positions.Select((p, i) => PositionFigures(p, greeks[i], components.TryGetValue(p, out var c) ? c : null, inputs.AsOf)).ToList();
        var net = greeks.Aggregate(DollarGreeks.Zero, (sum, g) => sum.Plus(g));
        var betaWeighted = betas.Count == 0 ? (double?)null
            : inputs.Positions.Select((p, i) => greeks[i].Delta * (betas.TryGetValue(p.Underlying, out var b) ? (double)b : 0)).Sum();
        var drawdown = Drawdown.Of(inputs.EquityCurve);
        var exposureBy = inputs.Positions.GroupBy(p => p.Underlying)
            .ToDictionary(g => g.Key, g => g.Sum(p => RiskExposure.Of(p.Position)), StringComparer.Ordinal);

        var report = new PortfolioRiskReport
        {
            AsOf = inputs.AsOf,
            Equity = inputs.Equity,
            Positions = positions,
            Exposure = new PortfolioExposure(
                inputs.Positions.Sum(p => p.Position.Collateral),
                inputs.Positions.Sum(p => p.Position.MaxLoss),
                inputs.Positions.Sum(p => RiskExposure.Of(p.Position)),
                RiskRounding.Cents(net.Delta),
                betaWeighted is { } bw ? RiskRounding.Cents(bw) : null),
            Greeks = new PortfolioGreeks(RiskRounding.Cents(net.Delta), RiskRounding.Cents(net.Gamma), RiskRounding.Cents(net.Theta), RiskRounding.Cents(net.Vega)),
            Var = new PortfolioVar(settings.VarConfidence, 1, inputs.History?.Days ?? 0, historical, parametric?.Estimate, monteCarlo),
            Underlyings = model?.Underlyings ?? [],
            Correlation = model is null ? [] : Rows(model.Correlation),
            Betas = betas,
            PortfolioBeta = betaWeighted is { } weighted && inputs.Equity > 0m ? RiskRounding.Ratio(weighted / (double)inputs.Equity) : null,
            PnlVolatility = pnlVolatility,
            Concentration = Concentration.Of(exposureBy),
            Drawdown = drawdown,
            Limits = [],
            Problems = problems,
        };
        var limits = new PortfolioLimits(settings, gate).Read(report, inputs, model, parametric is null ? null : covered.Select((p, i) => (p, greeksOf[p].Delta)).ToList());
        return report with { Limits = [.. limits, .. RiskSignals.Read(settings, inputs, model)] };
    }

    /// <summary>The covariance model of the held underlyings with history, plus the benchmark for betas.</summary>
    private CovarianceModel? Model(PortfolioInputs inputs, List<string> problems)
    {
        if (inputs.History is not { } history || history.Days < settings.MinHistoryReturns)
        {
            problems.Add($"fewer than {settings.MinHistoryReturns} daily returns of history (Risk:MinHistoryReturns): VaR, correlations and betas are not computed.");
            return null;
        }

        var held = inputs.Positions.Select(p => p.Underlying).Distinct(StringComparer.Ordinal).ToList();
        foreach (var missing in held.Where(u => !history.Covers(u)))
        {
            problems.Add($"no return history for {missing}: its positions are left out of VaR.");
        }

        var underlyings = held.Where(history.Covers)
            .Append(settings.BetaBenchmark).Where(history.Covers)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return underlyings.Count == 0 ? null : new CovarianceModel(history, underlyings);
    }

    private Dictionary<string, decimal> Betas(CovarianceModel? model)
    {
        var benchmark = model?.IndexOf(settings.BetaBenchmark) ?? -1;
        if (model is null || benchmark < 0 || model.Covariance[benchmark, benchmark] == 0)
        {
            return new Dictionary<string, decimal>(StringComparer.Ordinal);
        }

        return model.Underlyings.Select((u, i) => (u, i)).ToDictionary(
            x => x.u, x => RiskRounding.Ratio(model.Covariance[x.i, benchmark] / model.Covariance[benchmark, benchmark]), StringComparer.Ordinal);
    }

    private PositionRisk PositionFigures(RiskPosition risk, DollarGreeks greeks, double? componentVar, DateTimeOffset asOf)
    {
        var p = risk.Position;
        var units = p.Multiplier * p.Quantity;
        var modelValue = _revaluation.Value(risk, MarketShock.Uniform(1));
        // The mark is per share: a credit strategy's net debit to close (the holder's value negated), shares' price.
        var mark = risk.Mark ?? Math.Round((decimal)(p.IsOption ? -modelValue : modelValue) / units, 4, MidpointRounding.AwayFromZero);
        var marketValue = (p.IsOption ? -mark : mark) * units;
        var costBasis = (p.IsOption ? -p.EntryPrice : p.EntryPrice) * units;
        var unrealized = p.PnlAt(mark);
        return new PositionRisk(
            p.PositionId, p.Ticker, p.StrategyType, p.Quantity, mark, marketValue, costBasis, unrealized,
            CreditPnl.PercentOfMaxProfit(unrealized, p.ReturnBase()),
            MarketTime.DateOf(asOf).DayNumber - MarketTime.DateOf(p.EntryDate).DayNumber,
            RiskRounding.Cents(greeks.Delta), RiskRounding.Cents(greeks.Gamma), RiskRounding.Cents(greeks.Theta), RiskRounding.Cents(greeks.Vega),
            RiskExposure.Of(p), p.MaxLoss, componentVar is { } c ? RiskRounding.Cents(c) : null,
            (decimal)risk.Spot,
            _revaluation.UnitGreeks(risk),
            [.. risk.Legs.Select(l => new LegRisk(l.Right, (decimal)l.Strike, l.ImpliedVolatility, _revaluation.Vega(risk, l)))],
            risk.Mark is null ? MarkSources.Model : risk.MarkSource,
            risk.Mark is null ? asOf : risk.MarkedAt);
    }

    private static IReadOnlyList<IReadOnlyList<decimal>> Rows(double[,] matrix) =>
        [.. Enumerable.Range(0, matrix.GetLength(0)).Select(i => (IReadOnlyList<decimal>)[.. Enumerable.Range(0, matrix.GetLength(1)).Select(j => RiskRounding.Ratio(matrix[i, j]))])];

    private static decimal? PercentOf(decimal amount, decimal equity) =>
        equity > 0m ? Math.Round(amount / equity * 100m, 4, MidpointRounding.AwayFromZero) : null;
}
