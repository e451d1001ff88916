using OptionsAutomation.Core.Exits;

namespace OptionsAutomation.Core.Positions;

/// <summary>How a position is being closed: the net debit per share paid, why, when and by whom.</summary>
public sealed record PositionExit(decimal ExitPrice, ExitReason Reason, DateTimeOffset ClosedAt, ExecutedBy ExecutedBy, string Actor);
