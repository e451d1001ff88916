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

    /// <summary>Part of a position closed at its first target (scaling out); the rest stays open.</summary>
    ScaleOut,

    /// <summary>Closed by a roll: the same order opened its replacement at a later expiration.</summary>
    Roll,

    /// <summary>Closed or reduced by an approved adjustment recommendation.</summary>
    Adjustment,
}
