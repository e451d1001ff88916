namespace OptionsAutomation.Core.Exits;

/// <summary>Why a position was closed. Codes (see DomainCodes) are what the database and CLI use.</summary>
public enum ExitReason
{
    ProfitTarget,
    StopLoss,
    DaysToExpiry,
    Manual,
    Expired,
    Assigned,
    Risk,

    /// <summary>The trailing profit stop: P&amp;L gave back its share of the best since entry.</summary>
    TrailingStop,
}
