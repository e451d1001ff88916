namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

/// <summary>
/// TradeStation's quota groups (per user; 429 when exceeded). Each category has its own budget
/// (<see cref="RateBudgets"/>); option endpoints are counted each on its own, as documented.
/// </summary>
public enum RateCategory
{
    /// <summary>No documented quota (order placement, cancel, replace, bar charts, symbol details).</summary>
    Unmetered,
    Accounts,
    Balances,
    Positions,

    /// <summary>Order details and today's orders.</summary>
    Orders,

    /// <summary>Quote snapshots.</summary>
    Quotes,
    OptionExpirations,
    OptionStrikes,
    OptionSpreadTypes,
    OptionRiskReward,

    /// <summary>Quote and bar chart streams (opened, not messages).</summary>
    QuoteStreams,

    /// <summary>Option chain streams opened: an option endpoint (90 a minute) that is also limited to 10 open at once.</summary>
    OptionChainStreams,
}
