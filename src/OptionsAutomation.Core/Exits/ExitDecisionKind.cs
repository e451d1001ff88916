namespace OptionsAutomation.Core.Exits;

/// <summary>The verdict on one open position.</summary>
public enum ExitDecisionKind
{
    Hold,
    Exit,

    /// <summary>Price rules could not be applied: the mark is too old.</summary>
    Stale,

    /// <summary>Price rules could not be applied: the quotes cannot be trusted.</summary>
    Unusable,
}
