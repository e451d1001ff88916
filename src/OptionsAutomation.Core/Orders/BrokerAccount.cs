namespace OptionsAutomation.Core.Orders;

/// <summary>
/// The broker's account, in dollars: <see cref="Cash"/>; <see cref="CollateralHeld"/>, the part of the cash
/// reserved against short positions (a CSP's strike, a put spread's width); <see cref="Equity"/>, cash plus
/// the positions valued at their average price.
/// </summary>
public sealed record BrokerAccount(decimal Cash, decimal CollateralHeld, decimal Equity)
{
    /// <summary>Cash free for new collateral.</summary>
    public decimal BuyingPower => Cash - CollateralHeld;
}
