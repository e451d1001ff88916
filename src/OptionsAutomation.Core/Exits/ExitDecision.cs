namespace OptionsAutomation.Core.Exits;

/// <summary>
/// The verdict on one position: <see cref="Reason"/> is set when the decision is EXIT; <see cref="Detail"/>
/// says why in words (which rule fired, or why none did). <see cref="Contracts"/> is set when only part of the open
/// quantity is to close (a scale-out); null closes it all.
/// </summary>
public sealed record ExitDecision(
    long PositionId,
    ExitDecisionKind Decision,
    ExitReason? Reason,
    string Detail,
    decimal? MarkPrice,
    decimal? UnrealizedPnl,
    int DaysToExpiry)
{
    public int? Contracts { get; init; }
}
