namespace OptionsAutomation.Core.Exits;

/// <summary>
/// Shares received when a cash-secured put is assigned. They are booked at the underlying's close
/// (<see cref="Price"/>), so the put's own P&amp;L stays honest; <see cref="CostBasisPerShare"/> (strike −
/// credit) is the tax basis a broker reports, and the two P&amp;Ls add up to the broker's.
/// </summary>
public sealed record AssignedShares(
    string RequestId,
    string Ticker,
    int Shares,
    decimal Price,
    decimal CostBasisPerShare,
    long FromPositionId,
    DateTimeOffset At);
