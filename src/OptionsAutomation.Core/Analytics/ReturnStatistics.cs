namespace OptionsAutomation.Core.Analytics;

/// <summary>
/// Return statistics of a <see cref="ReturnSeries"/>, defined as in empyrical (Quantopian) so figures can be checked
/// against it digit for digit; ratios are doubles (statistics, not money). With n periods (missing ones included),
/// q = periods per year and rf the risk-free return per period:
/// <list type="bullet">
/// <item><see cref="TotalReturn"/> = ∏(1 + r) − 1 over present returns; <see cref="AnnualReturn"/> = (1 + total)^(q/n) − 1 (CAGR).</item>
/// <item><see cref="AnnualVolatility"/> = sample standard deviation (ddof 1) × √q.</item>
/// <item><see cref="SharpeRatio"/> = mean(r − rf) ÷ std(r − rf) × √q.</item>
/// <item><see cref="DownsideRisk"/> = √(mean over all present periods of min(r − rf, 0)²) × √q, periods above the target
/// counting as 0 (empyrical's downside_risk with required_return = rf); <see cref="SortinoRatio"/> = mean(r − rf) × q ÷ it.</item>
/// <item><see cref="CalmarRatio"/> = annual return ÷ |max drawdown|, NaN when there is no drawdown.</item>
/// <item><see cref="ValueAtRisk95"/> = the 5th percentile (numpy linear interpolation); <see cref="ConditionalValueAtRisk95"/> =
/// the mean of the ⌊(n − 1) × 0.05⌋ + 1 lowest returns; both are returns (negative = a loss).</item>
/// <item><see cref="Skew"/> and <see cref="Kurtosis"/> as scipy.stats' defaults: biased, kurtosis in excess of 3 (Fisher).</item>
/// <item><see cref="TailRatio"/> = |95th percentile| ÷ |5th percentile|.</item>
/// <item><see cref="OmegaRatio"/> (with the required annual return), <see cref="Stability"/> (R² of the cumulative log
/// returns), the <see cref="Ulcer"/> index and performance index, and <see cref="ValueAtRisk"/> at the chosen confidence,
/// historical and parametric: each defined in its own type.</item>
/// </list>
/// Degenerate input never throws; it gives empyrical's values: NaN for an empty series, NaN volatility, Sharpe and Sortino
/// below two periods, ±∞ Sharpe when every excess return is the same non-zero value (0 ÷ 0 = NaN when it is zero),
/// +∞ Sortino when nothing falls below the target, NaN skew and kurtosis without spread. Percentiles, VaR, CVaR, skew and
/// kurtosis use only present returns (numpy's percentile would answer NaN for any missing one).
/// </summary>
public sealed record ReturnStatistics(
    int Periods,
    int PeriodsPerYear,
    double RiskFree,
    double TotalReturn,
    double AnnualReturn,
    double AnnualVolatility,
    double SharpeRatio,
    double SortinoRatio,
    double DownsideRisk,
    double CalmarRatio,
    MaxDrawdown MaxDrawdown,
    double ValueAtRisk95,
    double ConditionalValueAtRisk95,
    double Skew,
    double Kurtosis,
    double TailRatio,
    double RequiredReturn,
    double OmegaRatio,
    double Stability,
    UlcerIndex Ulcer,
    ValueAtRiskAt ValueAtRisk)
{
    public const int TradingDaysPerYear = 252;

    /// <summary>The tail cut-off of VaR and CVaR (5%: the 95% confidence level).</summary>
    private const double Cutoff = 0.05;

    /// <param name="requiredReturn">the omega ratio's required return, a year's (empyrical's required_return).</param>
    /// <param name="varConfidence">the confidence of <see cref="ValueAtRisk"/>, e.g. 0.99.</param>
    /// <exception cref="ArgumentOutOfRangeException">when <paramref name="periodsPerYear"/> is not above 0, <paramref name="riskFree"/> or
    /// <paramref name="requiredReturn"/> is not finite, or <paramref name="varConfidence"/> is not between 0 and 1.</exception>
    public static ReturnStatistics Of(
        ReturnSeries series,
        int periodsPerYear = TradingDaysPerYear,
        double riskFree = 0.0,
        double requiredReturn = 0.0,
        double varConfidence = ValueAtRiskAt.DefaultConfidence)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periodsPerYear);
        if (!double.IsFinite(riskFree))
        {
            throw new ArgumentOutOfRangeException(nameof(riskFree), riskFree, "the risk-free return must be a finite number.");
        }

        if (!double.IsFinite(requiredReturn))
        {
            throw new ArgumentOutOfRangeException(nameof(requiredReturn), requiredReturn, "the required return must be a finite number.");
        }

        var returns = series.Returns;
        var n = returns.Count;
        var excess = returns.Select(r => r - riskFree).ToArray();
        var sorted = Sample.Present(returns).Order().ToArray();
        var total = n == 0 ? double.NaN : TotalOf(returns);
        var annual = n == 0 ? double.NaN : Math.Pow(1.0 + total, periodsPerYear / (double)n) - 1.0;
        var downside = n == 0 ? double.NaN : DownsideOf(excess) * Math.Sqrt(periodsPerYear);
        var drawdown = MaxDrawdown.Of(series);
        return new ReturnStatistics(
            n,
            periodsPerYear,
            riskFree,
            total,
            annual,
            n < 2 ? double.NaN : Sample.NanSampleStd(returns) * Math.Sqrt(periodsPerYear),
            n < 2 ? double.NaN : SharpeOfExcess(excess, periodsPerYear),
            n < 2 ? double.NaN : Sample.NanMean(excess) * periodsPerYear / downside,
            downside,
            Calmar(annual, drawdown.Depth),
            drawdown,
            TailRisk.ValueAtRisk(sorted, Cutoff),
            TailRisk.ConditionalValueAtRisk(sorted, Cutoff),
            SkewOf(sorted),
            KurtosisOf(sorted),
            Math.Abs(Sample.Percentile(sorted, 95)) / Math.Abs(Sample.Percentile(sorted, 5)),
            requiredReturn,
            Analytics.OmegaRatio.Of(returns, periodsPerYear, riskFree, requiredReturn),
            Analytics.Stability.Of(returns),
            UlcerIndex.Of(returns, annual, periodsPerYear, riskFree),
            ValueAtRiskAt.Of(returns, varConfidence));
    }

    /// <summary>mean(r − rf) ÷ std(r − rf) × √q over the present returns; NaN below two periods.</summary>
    internal static double SharpeOf(IReadOnlyList<double> returns, int periodsPerYear, double riskFree)
    {
        if (returns.Count < 2)
        {
            return double.NaN;
        }

        return SharpeOfExcess([.. returns.Select(r => r - riskFree)], periodsPerYear);
    }

    private static double SharpeOfExcess(double[] excess, int periodsPerYear) =>
        Sample.NanMean(excess) / Sample.NanSampleStd(excess) * Math.Sqrt(periodsPerYear);

    private static double TotalOf(IReadOnlyList<double> returns) =>
        Sample.Present(returns).Aggregate(1.0, (wealth, r) => wealth * (1.0 + r)) - 1.0;

    /// <summary>Root mean square of the shortfalls below 0, over every present period (those above count as 0).</summary>
    private static double DownsideOf(double[] excess) =>
        Math.Sqrt(Sample.NanMean([.. excess.Select(e => double.IsNaN(e) ? e : Math.Min(e, 0.0) * Math.Min(e, 0.0))]));

    /// <summary>empyrical answers NaN without a drawdown and for an infinite ratio.</summary>
    private static double Calmar(double annualReturn, double maxDrawdown)
    {
        if (!(maxDrawdown < 0))
        {
            return double.NaN;
        }

        var ratio = annualReturn / Math.Abs(maxDrawdown);
        return double.IsInfinity(ratio) ? double.NaN : ratio;
    }

    private static double SkewOf(double[] values)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var (m2, m3, _, mean) = Sample.CentralMoments(values);
        return Sample.HasNoSpread(m2, mean) ? double.NaN : m3 / Math.Pow(m2, 1.5);
    }

    private static double KurtosisOf(double[] values)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var (m2, _, m4, mean) = Sample.CentralMoments(values);
        return Sample.HasNoSpread(m2, mean) ? double.NaN : (m4 / (m2 * m2)) - 3.0;
    }
}
