using System.Collections.Frozen;

namespace OptionsAutomation.Core.Risk;

/// <summary>
/// The product documents short environment variables (<c>RISK_MAX_DAILY_LOSS=500</c>). .NET configuration
/// only reads <c>Risk__MaxDailyLoss</c>, so the host adds <see cref="Map"/>'s result as a configuration
/// layer. Every key of <see cref="RiskSettings"/> and every scalar key of <see cref="Portfolio.PortfolioRiskSettings"/>
/// (RISK_VAR_CONFIDENCE, RISK_HISTORY_DAYS, …) has a short form: RISK_ + the key in UPPER_SNAKE.
/// </summary>
public static class RiskEnvironment
{
    public const string Prefix = "RISK_";

    private static readonly FrozenDictionary<string, string> Keys = new[]
    {
        nameof(RiskSettings.MaxOrderNotional),
        nameof(RiskSettings.MaxOrderNotionalPercent),
        nameof(RiskSettings.MaxDailyLoss),
        nameof(RiskSettings.MaxDailyLossPercent),
        nameof(RiskSettings.MaxPositions),
        nameof(RiskSettings.MaxTotalExposure),
        nameof(RiskSettings.MaxExposurePercent),
        nameof(RiskSettings.MaxPriceDeviationPercent),
        nameof(RiskSettings.MaxQuoteAgeMinutes),
        nameof(RiskSettings.MaxConsecutiveLosses),
        nameof(RiskSettings.MaxConsecutiveErrors),
        nameof(RiskSettings.CircuitBreakerCooldownMinutes),
        nameof(RiskSettings.MaxOrdersPerMinute),
    }.Concat(Portfolio.PortfolioRiskSettings.ScalarKeys).ToFrozenDictionary(ShortForm, key => $"{RiskSettings.SectionName}:{key}", StringComparer.Ordinal);

    /// <summary>Short name → configuration key, e.g. RISK_MAX_POSITIONS → Risk:MaxPositions.</summary>
    public static IReadOnlyDictionary<string, string> ShortForms => Keys;

    /// <summary>The recognised short forms in <paramref name="environment"/>, keyed by their <c>Risk:*</c> key.</summary>
    public static IReadOnlyDictionary<string, string?> Map(IReadOnlyDictionary<string, string?> environment) =>
        environment
            .Where(e => Keys.ContainsKey(e.Key))
            .ToDictionary(e => Keys[e.Key], e => e.Value, StringComparer.Ordinal);

    /// <summary>
    /// RISK_* variables (in any case) that map to nothing: a typo, a lower-case spelling (Linux names are
    /// case-sensitive, the short forms are upper case), or the product's RISK_MAX_LEVERAGE, which has no
    /// equivalent here. A limit someone believes is set but is not is a silent fail-open, so the host should
    /// refuse to start on these.
    /// </summary>
    public static IReadOnlyList<string> Unrecognised(IReadOnlyDictionary<string, string?> environment) =>
        [.. environment.Keys
            .Where(k => k.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && !Keys.ContainsKey(k)
                // Risk__MaxDailyLoss is the section form, read by the configuration itself.
                && !k.StartsWith(RiskSettings.SectionName + "__", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];

    private static string ShortForm(string key) =>
        Prefix + string.Concat(key.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
}
