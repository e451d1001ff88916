using OptionsAutomation.Core.Exits;

namespace OptionsAutomation.Core.Positions;

/// <summary>
/// How a position is being closed: the net debit per share paid, why, when, by whom, and the
/// commissions of the closing order in dollars (added to the opening fees), and the closing order's client order id
/// when an order closed it (one trade_history row per closing order).
/// </summary>
public sealed record PositionExit(
    decimal ExitPrice,
    ExitReason Reason,
    DateTimeOffset ClosedAt,
    ExecutedBy ExecutedBy,
    string Actor,
    decimal ClosingFees = 0m,
    string? ClientOrderId = null);
