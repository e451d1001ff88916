using System.Globalization;
using OptionsAutomation.Core.Risk.Portfolio;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// The outbox alert for a portfolio-limit crossing. The dedup key names the limit, the new state and the instant of
/// the check, so a re-run of the same check is one message while a later crossing of the same limit is another.
/// Kinds: risk_warning, risk_breach, risk_cleared; a signal entering WARN is risk_vol_spike or risk_correlation_change.
/// </summary>
public static class RiskAlerts
{
    public static Alert For(LimitCrossing crossing, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(crossing);
        var r = crossing.Reading;
        var kind = crossing.To switch
        {
            LimitState.Breach => "risk_breach",
            // A signal's own kind (risk_vol_spike, risk_correlation_change), so it can be routed apart from limits.
            LimitState.Warn when r.Informational => "risk_" + r.Name.Split(':')[0],
            LimitState.Warn => "risk_warning",
            _ => "risk_cleared",
        };
        var text = r.Informational
            ? string.Create(CultureInfo.InvariantCulture,
                $"Risk signal {r.Name} {crossing.From.ToCode()} → {crossing.To.ToCode()}: {Figure(r.Value, r.Unit)} against {Figure(r.Limit, r.Unit)} (informational)")
            : string.Create(CultureInfo.InvariantCulture,
                $"Risk limit {r.Name} {crossing.From.ToCode()} → {crossing.To.ToCode()}: {Figure(r.Value, r.Unit)} against {Figure(r.Limit, r.Unit)} ({r.Utilization * 100m:0.#}% used)");
        return new Alert(
            string.Create(CultureInfo.InvariantCulture, $"risk:{r.Name}:{crossing.To.ToCode()}:{at.ToUniversalTime():O}"),
            kind,
            r.Detail is null ? text : $"{text}; {r.Detail}",
            null,
            null);
    }

    private static string Figure(decimal value, string unit) => unit switch
    {
        PortfolioLimits.Dollars => MoneyText.Dollars(value),
        PortfolioLimits.Percent => string.Create(CultureInfo.InvariantCulture, $"{value:0.####}%"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{value:0.####} {unit}"),
    };
}
