using System.Globalization;
using OptionsAutomation.Core.Risk.Portfolio;
using static OptionsAutomation.Core.Risk.RiskFormat;

namespace OptionsAutomation.Core.Risk;

/// <summary>
/// Check 5: <see cref="CorrelationRule"/> before the order, against the correlations the caller measured. Unlike the
/// account figures, missing history does not deny: correlation is a diversification rule, not a loss limit, and a
/// feed without history (an end-of-day replay, a new listing) would otherwise stop every order. The portfolio
/// report lists the missing history as a problem instead.
/// </summary>
internal static class CorrelationCheck
{
    public static RiskDenial? Run(OpeningOrder order, RiskSnapshot snapshot, PortfolioRiskSettings settings)
    {
        if (snapshot.Correlations is not { } model || model.IndexOf(order.Underlying) is not (>= 0 and var i))
        {
            return null;
        }

        var peers = CorrelationRule.PeersOf(order.Underlying, snapshot.HeldUnderlyings, model, settings.CorrelationThreshold);
        return peers.Count >= settings.MaxCorrelatedUnderlyings
            ? RiskDenial.Of(RiskCheck.Correlation, RiskDenialCode.CorrelationLimit,
                ("underlying", order.Underlying),
                ("correlated_with", string.Join("/", peers.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p} {model.Correlation[i, model.IndexOf(p)]:0.###}")))),
                ("threshold", settings.CorrelationThreshold.ToString("0.###", CultureInfo.InvariantCulture)),
                ("max", Count(settings.MaxCorrelatedUnderlyings)))
            : null;
    }
}
