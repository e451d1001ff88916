namespace OptionsAutomation.Core.Exits;

/// <summary>
/// The verdict on one position: <see cref="Reason"/> is set when the decision is EXIT; <see cref="Detail"/>
/// says why in words (which rule fired, or why none did).
/// </summary>
public sealed record ExitDecision(
    long PositionId,
    ExitDecisionKind Decision,
    ExitReason? Reason,
    string Detail,
    decimal? MarkPrice,
    decimal? UnrealizedPnl,
    int DaysToExpiry);
