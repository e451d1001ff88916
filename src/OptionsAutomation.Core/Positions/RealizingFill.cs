namespace OptionsAutomation.Core.Positions;

/// <summary>
/// The closing part of a fill and the gross P&amp;L it realized, in currency units. For a flip only the part that
/// closed the old position realizes; <see cref="Fee"/> is that part's share of the fill's fee.
/// </summary>
public sealed record RealizingFill(DateTimeOffset Time, FillSide Side, int Quantity, decimal Price, decimal Fee, decimal RealizedPnl);
