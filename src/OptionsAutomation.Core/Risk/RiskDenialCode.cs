namespace OptionsAutomation.Core.Risk;

/// <summary>
/// Why the gate refused an opening order: a closed list, each code belonging to one <see cref="RiskCheck"/>
/// (listed here in check order). Codes are the UPPER_SNAKE text in <see cref="DomainCodes"/>.
/// </summary>
public enum RiskDenialCode
{
    /// <summary>No equity figure, or one at or below zero: the percent limits cannot be judged (fail closed).</summary>
    NoEquity,

    OrderNotionalExceeded,

    OrderNotionalPercentExceeded,

    MaxPositionsReached,

    DailyLossLimitReached,

    DailyLossPercentReached,

    ExposureExceeded,

    ExposurePercentExceeded,

    /// <summary>The underlying correlates above the threshold with too many held underlyings: the same bet again.</summary>
    CorrelationLimit,

    /// <summary>No quote, or a quote without a mid.</summary>
    NoQuote,

    /// <summary>The caller judged the quote unusable (crossed, one-sided, too wide), its mid is not positive, or it is stamped in the future.</summary>
    QuoteUnusable,

    /// <summary>The quote is older than Risk:MaxQuoteAgeMinutes.</summary>
    QuoteStale,

    PriceDeviationExceeded,

    OrderRateExceeded,

    CircuitBreakerTripped,

    /// <summary>The trading state is REDUCING: closing orders only.</summary>
    TradingReducing,

    /// <summary>The trading state is HALTED.</summary>
    TradingHalted,
}
