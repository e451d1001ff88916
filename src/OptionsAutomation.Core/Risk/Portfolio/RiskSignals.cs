using System.Globalization;

namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// The informational readings (<see cref="LimitReading.Signal"/>), one per underlying or pair so that each one alerts
/// once when it starts and once when it ends, whatever the others do:
/// <list type="bullet">
/// <item><c>vol_spike:{underlying}</c> for each held underlying and the beta benchmark: the sample volatility of the last
/// <see cref="PortfolioRiskSettings.VolSpikeWindowDays"/> daily log returns ÷ that of the whole history, against
/// <see cref="PortfolioRiskSettings.VolSpikeRatio"/>.</item>
/// <item><c>correlation_change:{a}/{b}</c> for each pair of held underlyings: |correlation now − correlation in the
/// reference snapshot| against <see cref="PortfolioRiskSettings.CorrelationChangeAlert"/>. The correlations come from
/// daily closes before today, so they change once a day; the reference is the last snapshot of an earlier day, which
/// keeps a change standing (and alerted once) for the day it appears rather than for one minute.</item>
/// </list>
/// </summary>
internal static class RiskSignals
{
    public const string VolSpike = "vol_spike";
    public const string CorrelationChange = "correlation_change";

    public static IEnumerable<LimitReading> Read(PortfolioRiskSettings settings, PortfolioInputs inputs, CovarianceModel? model)
    {
        if (model is null || inputs.History is not { } history)
        {
            yield break;
        }

        var window = settings.VolSpikeWindowDays;
        foreach (var underlying in history.Days > window ? model.Underlyings : [])
        {
            var returns = history.Returns(underlying);
            var (recent, whole) = (RiskStatistics.StandardDeviation([.. returns.Skip(returns.Count - window)]), RiskStatistics.StandardDeviation(returns));
            if (whole > 0)
            {
                yield return LimitReading.Signal($"{VolSpike}:{underlying}", RiskRounding.Ratio(recent / whole), (decimal)settings.VolSpikeRatio, "ratio",
                    Text($"{underlying}: {window}-day realized volatility {Annualized(recent)} against {history.Days}-day {Annualized(whole)} (annualized)"));
            }
        }

        if (inputs.CorrelationReference is not { } reference)
        {
            yield break;
        }

        var held = inputs.Positions.Select(p => p.Underlying).Distinct(StringComparer.Ordinal).Where(u => model.IndexOf(u) >= 0).Order(StringComparer.Ordinal).ToList();
        foreach (var (a, b) in held.SelectMany((a, i) => held.Skip(i + 1).Select(b => (a, b))))
        {
            if (reference.Between(a, b) is { } before)
            {
                var now = RiskRounding.Ratio(model.Correlation[model.IndexOf(a), model.IndexOf(b)]);
                yield return LimitReading.Signal($"{CorrelationChange}:{a}/{b}", Math.Abs(now - before), (decimal)settings.CorrelationChangeAlert, "correlation",
                    Text($"{a}/{b} correlation {before:0.00} at {reference.TakenAt:yyyy-MM-dd HH:mm}Z → {now:0.00} now"));
            }
        }
    }

    private static string Annualized(double daily) => Text($"{daily * Math.Sqrt(252) * 100:0.0}%");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
