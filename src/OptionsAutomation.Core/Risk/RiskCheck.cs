namespace OptionsAutomation.Core.Risk;

/// <summary>The checks of the pre-trade gate, declared in the order in which they run.</summary>
public enum RiskCheck
{
    /// <summary>Order notional (CSP collateral, VPC max loss): absolute and % of equity.</summary>
    OrderNotional,

    /// <summary>Open positions below Risk:MaxPositions.</summary>
    MaxPositions,

    /// <summary>Today's realized loss below its absolute and % of equity limits.</summary>
    DailyLoss,

    /// <summary>Total exposure after the order: absolute and % of equity.</summary>
    Exposure,

    /// <summary>The order's underlying does not correlate above Risk:CorrelationThreshold with Risk:MaxCorrelatedUnderlyings held ones.</summary>
    Correlation,

    /// <summary>A fresh, usable quote, and the limit price near its mid.</summary>
    PriceSanity,

    /// <summary>Opening orders per underlying in the last minute below Risk:MaxOrdersPerMinute.</summary>
    OrderRate,

    /// <summary>The circuit breaker is not tripped.</summary>
    CircuitBreaker,

    /// <summary>The trading state is ACTIVE.</summary>
    TradingState,
}
