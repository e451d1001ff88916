using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Positions;

/// <summary>
/// One row of <c>trade_history</c>: a completed round trip of <see cref="Quantity"/> contracts — the whole position, or the part
/// one closing order (<see cref="ClientOrderId"/>) closed.
/// </summary>
public sealed record TradeRecord
{
    /// <summary>Assigned by the store; 0 before the row is written.</summary>
    public long TradeId { get; init; }
    public required string RequestId { get; init; }
    public required long PositionId { get; init; }
    public required string Ticker { get; init; }
    public required StrategyType StrategyType { get; init; }
    public required DateTimeOffset EntryDate { get; init; }
    public required decimal EntryPrice { get; init; }
    public required int Quantity { get; init; }
    public required DateTimeOffset ExitDate { get; init; }
    public required decimal ExitPrice { get; init; }
    public required decimal PnlRealized { get; init; }
    public required decimal PnlPercent { get; init; }
    public required TradeOutcome WinLoss { get; init; }
    public required decimal CollateralRequired { get; init; }
    public required decimal MaxRisk { get; init; }
    public required decimal TargetReturn { get; init; }
    public required PositionStatus Status { get; init; }
    public required ExecutedBy ExecutedBy { get; init; }
    public required ExitReason ExitReason { get; init; }
    public required decimal Fees { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ClosedAt { get; init; }
    /// <summary>The closing order; null for a close recorded by hand or a settlement.</summary>
    public string? ClientOrderId { get; init; }
}
