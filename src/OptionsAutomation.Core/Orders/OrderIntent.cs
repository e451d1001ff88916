namespace OptionsAutomation.Core.Orders;

/// <summary>What an order is for: opening a proposal's position, closing (part of) a position, settling one at expiration.</summary>
public enum OrderIntent
{
    Open,
    Close,
    Settle,
}
