namespace OptionsAutomation.Core.Positions;

/// <summary>The result of a close (whole or partial): the position as updated and the trade_history row of what closed.</summary>
public sealed record ClosedPosition(Position Position, TradeRecord Trade)
{
    /// <summary>Only part of the position closed: it is still OPEN with the rest.</summary>
    public bool IsPartial => Position.Status == PositionStatus.Open;
}
