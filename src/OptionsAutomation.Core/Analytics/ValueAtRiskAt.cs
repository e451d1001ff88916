using OptionsAutomation.Core.Pricing;
using OptionsAutomation.Core.Risk.Portfolio;

namespace OptionsAutomation.Core.Analytics;

/// <summary>
/// One period's value at risk and expected shortfall of a return series at a confidence c, as returns (negative = a
/// loss), two ways:
/// <list type="bullet">
/// <item>historical: the (1 − c) percentile of the present returns (numpy's linear interpolation) and the mean of the
/// ⌊(n − 1)(1 − c)⌋ + 1 lowest (empyrical's value_at_risk and conditional_value_at_risk with cutoff 1 − c);</item>
/// <item>parametric (normal): μ + σ·Φ⁻¹(1 − c), quantstats' value_at_risk, and μ − σ·φ(Φ⁻¹(c)) ÷ (1 − c), the normal
/// distribution's expected shortfall; μ is the mean and σ the sample standard deviation (ddof 1) of the present returns.</item>
/// </list>
/// </summary>
public sealed record ValueAtRiskAt(double Confidence, double Historical, double HistoricalShortfall, double Parametric, double ParametricShortfall)
{
    public const double DefaultConfidence = 0.95;

    /// <exception cref="ArgumentOutOfRangeException">when the confidence is not strictly between 0 and 1.</exception>
    public static ValueAtRiskAt Of(IReadOnlyList<double> returns, double confidence = DefaultConfidence)
    {
        if (!(confidence is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "the confidence must be between 0 and 1, e.g. 0.99.");
        }

        var sorted = Sample.Present(returns).Order().ToArray();
        var (mean, std) = (Sample.NanMean(sorted), Sample.NanSampleStd(sorted));
        var z = NormalQuantile.Of(confidence);
        return new ValueAtRiskAt(
            confidence,
            TailRisk.ValueAtRisk(sorted, 1 - confidence),
            TailRisk.ConditionalValueAtRisk(sorted, 1 - confidence),
            mean - (std * z),
            mean - (std * NormalDistribution.Pdf(z) / (1 - confidence)));
    }
}
