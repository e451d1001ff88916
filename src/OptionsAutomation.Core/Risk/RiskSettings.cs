namespace OptionsAutomation.Core.Risk;

/// <summary>
/// Appsettings section <c>Risk</c>: the limits of the pre-trade gate and the circuit breaker. Amounts are
/// dollars; every <c>…Percent</c> key is a percentage in (0, 100] (5 = 5%), including
/// <see cref="MaxPriceDeviationPercent"/>, which the product calls <c>max_price_deviation</c> and writes as a
/// fraction (0.05): one unit for every percentage in the section is harder to get wrong.
/// Every limit is always on; there is no "off" value, so a missing setting cannot open the gate.
/// </summary>
public sealed record RiskSettings
{
    public const string SectionName = "Risk";

    /// <summary>Largest order notional in dollars: the collateral of a CSP, the max loss of a VPC.</summary>
    public decimal MaxOrderNotional { get; init; } = 100_000m;

    /// <summary>
    /// Largest order notional as a percentage of equity: at least <c>Sizing:CollateralPerTradePct</c>, or every CSP the
    /// sizing allows is refused here.
    /// </summary>
    public decimal MaxOrderNotionalPercent { get; init; } = 50m;

    /// <summary>Realized loss today (New York date) at which opening stops for the day.</summary>
    public decimal MaxDailyLoss { get; init; } = 2_000m;

    /// <summary>The same, as a percentage of equity.</summary>
    public decimal MaxDailyLossPercent { get; init; } = 2m;

    /// <summary>Open positions at which no further position opens.</summary>
    public int MaxPositions { get; init; } = 5;

    /// <summary>Largest total exposure (sum of the open notionals) after the order, in dollars.</summary>
    public decimal MaxTotalExposure { get; init; } = 400_000m;

    /// <summary>Largest total exposure after the order as a percentage of equity.</summary>
    public decimal MaxExposurePercent { get; init; } = 80m;

    /// <summary>Largest distance of the limit price from the quote's mid, as a percentage of the mid.</summary>
    public decimal MaxPriceDeviationPercent { get; init; } = 5m;

    /// <summary>A quote older than this is stale and cannot vouch for a price (ExitRules:MaxMarkAgeMinutes' twin).</summary>
    public int MaxQuoteAgeMinutes { get; init; } = 10;

    /// <summary>Losing closes in a row that trip the circuit breaker.</summary>
    public int MaxConsecutiveLosses { get; init; } = 3;

    /// <summary>Execution errors in a row that trip the circuit breaker.</summary>
    public int MaxConsecutiveErrors { get; init; } = 5;

    /// <summary>Minutes after a trip before a person may reset the breaker; it never resets by itself.</summary>
    public int CircuitBreakerCooldownMinutes { get; init; } = 30;

    /// <summary>Opening orders per underlying in any 60-second window; more are denied, never queued.</summary>
    public int MaxOrdersPerMinute { get; init; } = 10;

    /// <summary>Every invalid setting, each message naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Positive(errors, nameof(MaxOrderNotional), MaxOrderNotional);
        Percent(errors, nameof(MaxOrderNotionalPercent), MaxOrderNotionalPercent);
        Positive(errors, nameof(MaxDailyLoss), MaxDailyLoss);
        Percent(errors, nameof(MaxDailyLossPercent), MaxDailyLossPercent);
        Positive(errors, nameof(MaxPositions), MaxPositions);
        Positive(errors, nameof(MaxTotalExposure), MaxTotalExposure);
        Percent(errors, nameof(MaxExposurePercent), MaxExposurePercent);
        Percent(errors, nameof(MaxPriceDeviationPercent), MaxPriceDeviationPercent);
        Positive(errors, nameof(MaxQuoteAgeMinutes), MaxQuoteAgeMinutes);
        Positive(errors, nameof(MaxConsecutiveLosses), MaxConsecutiveLosses);
        Positive(errors, nameof(MaxConsecutiveErrors), MaxConsecutiveErrors);
        if (CircuitBreakerCooldownMinutes < 0)
        {
            errors.Add($"{SectionName}:{nameof(CircuitBreakerCooldownMinutes)} must not be negative, was {CircuitBreakerCooldownMinutes}.");
        }

        Positive(errors, nameof(MaxOrdersPerMinute), MaxOrdersPerMinute);
        return errors;
    }

    // Zero is refused too: a zero limit would silently stop all trading, which is what HALTED is for.
    private static void Positive(List<string> errors, string key, decimal value)
    {
        if (value <= 0m)
        {
            errors.Add($"{SectionName}:{key} must be above 0, was {value}.");
        }
    }

    private static void Percent(List<string> errors, string key, decimal value)
    {
        if (value is <= 0m or > 100m)
        {
            errors.Add($"{SectionName}:{key} must be a percentage in (0, 100], was {value}.");
        }
    }
}
