namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// The correlation limit: an underlying that correlates above the threshold with
/// <see cref="PortfolioRiskSettings.MaxCorrelatedUnderlyings"/> or more of the other held underlyings is one bet
/// counted several times. <see cref="PeersOf"/> counts them, for a candidate before it is opened or for a held one.
/// </summary>
public static class CorrelationRule
{
    /// <summary>The held underlyings (other than <paramref name="underlying"/>) whose correlation with it exceeds <paramref name="threshold"/>.</summary>
    public static IReadOnlyList<string> PeersOf(string underlying, IEnumerable<string> held, CovarianceModel model, double threshold)
    {
        var i = model.IndexOf(underlying);
        return i < 0
            ? []
            : [.. held.Where(h => h != underlying && model.IndexOf(h) is >= 0 and var j && model.Correlation[i, j] > threshold).Order(StringComparer.Ordinal)];
    }

    /// <summary>True when opening <paramref name="candidate"/> would break the rule (it correlates with too many held underlyings).</summary>
    public static bool Refuses(string candidate, IEnumerable<string> held, CovarianceModel model, PortfolioRiskSettings settings) =>
        PeersOf(candidate, held, model, settings.CorrelationThreshold).Count >= settings.MaxCorrelatedUnderlyings;
}
