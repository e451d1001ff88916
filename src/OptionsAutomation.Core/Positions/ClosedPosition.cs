namespace OptionsAutomation.Core.Positions;

/// <summary>The result of a close: the position as updated and its trade_history row.</summary>
public sealed record ClosedPosition(Position Position, TradeRecord Trade);
