using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

/// <summary>Where a client order id stands at the broker (table <c>broker_order_links</c>).</summary>
public enum OrderLinkState
{
    /// <summary>Recorded; nothing has been sent to the broker yet, so sending it is safe.</summary>
    Placing,

    /// <summary>The placing request went out without an answer we know of: the order may be at the broker. Never sent again.</summary>
    Sending,

    /// <summary>The broker took it; <see cref="OrderLink.BrokerOrderId"/> is set.</summary>
    Placed,

    /// <summary>The broker refused it (an error inside a 200); nothing was placed.</summary>
    NotPlaced,

    /// <summary>Preview mode: confirmed for the estimate, never placed.</summary>
    Previewed,
}

/// <summary>
/// One client order id's mapping: the ticket as sent, the account, the <c>OrderConfirmID</c> used for every attempt
/// of this order, and the broker's order id once known.
/// </summary>
public sealed record OrderLink(
    OrderTicket Ticket,
    string AccountId,
    string ConfirmId,
    string? BrokerOrderId,
    OrderLinkState State,
    string? Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
