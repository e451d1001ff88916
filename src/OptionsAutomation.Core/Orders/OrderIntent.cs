namespace OptionsAutomation.Core.Orders;

/// <summary>
/// What an order is for: opening a proposal's position, closing (part of) a position, settling one at expiration, or rolling
/// a position (closing its legs and opening the same strategy later, in one multi-leg order).
/// </summary>
public enum OrderIntent
{
    Open,
    Close,
    Settle,
    Roll,
}
