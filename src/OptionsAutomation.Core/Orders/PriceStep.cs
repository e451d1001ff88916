namespace OptionsAutomation.Core.Orders;

/// <summary>
/// One price of a walk: step <see cref="Number"/> (0 = the price the order is placed at) is sent <see cref="After"/> the
/// order was placed, at <see cref="Limit"/> (net per share, debit positive, as on the ticket).
/// </summary>
public sealed record PriceStep(int Number, TimeSpan After, decimal Limit);
