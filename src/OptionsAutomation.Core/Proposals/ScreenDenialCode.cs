namespace OptionsAutomation.Core.Proposals;

/// <summary>Why the screener proposed nothing for a ticker and strategy. Codes in <see cref="DomainCodes"/>.</summary>
public enum ScreenDenialCode
{
    NoChain,
    NoExpirationInWindow,
    NoShortPut,
    NoLongPut,
    OpenInterestTooLow,
    SpreadTooWide,
    CreditTooLow,
    TickerAtPositionLimit,
    NoEquity,
    SizeBelowOneContract,

    /// <summary>The pre-trade risk gate refused it; the context is the gate's own denial.</summary>
    RiskDenied,

    /// <summary>Not a session <c>Proposals:EntrySchedule</c> opens on (MonthlyRoll: not a monthly expiration day).</summary>
    NotAnEntryDay,

    /// <summary>A scale-in: the position and its lots already hold <c>Risk:MaxPositionContracts</c>.</summary>
    ScaleInAtContractLimit,

    /// <summary>A scale-in: a leg of the position has no two-sided quote in the chain (or the credit is not positive).</summary>
    ScaleInNoQuote,
}
