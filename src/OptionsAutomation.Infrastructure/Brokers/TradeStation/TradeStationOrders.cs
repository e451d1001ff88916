using System.Globalization;
using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

/// <summary>
/// Tickets as TradeStation orders, and back. Prices: a multi-leg <c>LimitPrice</c> is the net per share with a debit
/// positive and a credit negative — the ticket's own convention, sent as is; a single leg always takes a positive
/// price, its direction being in the TradeAction, so a one-leg credit of −1.20 on the ticket is sent as 1.20.
/// </summary>
public static class TradeStationOrders
{
    public static string TradeAction(OrderSide side) => side switch
    {
        OrderSide.BuyToOpen => "BUYTOOPEN",
        OrderSide.SellToOpen => "SELLTOOPEN",
        OrderSide.BuyToClose => "BUYTOCLOSE",
        OrderSide.SellToClose => "SELLTOCLOSE",
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, "no TradeStation trade action"),
    };

    /// <summary>The <c>LimitPrice</c> sent for <paramref name="ticket"/>'s legs at the net <paramref name="limit"/>.</summary>
    public static string LimitText(IReadOnlyList<OrderLeg> legs, decimal limit) =>
        (legs.Count == 1 ? Math.Abs(limit) : limit).ToString("0.00##", CultureInfo.InvariantCulture);

    internal static TsOrderRequest Request(OrderTicket ticket, string accountId, string confirmId)
    {
        var limit = ticket.LimitPrice is { } price ? LimitText(ticket.Legs, price) : null;
        var orderType = limit is null ? "Market" : "Limit";
        var timeInForce = new TsTimeInForce("DAY");
        if (ticket.Legs.Count == 1)
        {
            var leg = ticket.Legs[0];
            return new TsOrderRequest(
                accountId, TradeStationSymbols.ToTradeStation(leg.Contract), TradeStationJson.Number(leg.Ratio * ticket.Quantity), TradeAction(leg.Side),
                orderType, limit, timeInForce, "Intelligent", null, confirmId);
        }

        return new TsOrderRequest(
            accountId, null, null, null, orderType, limit, timeInForce, "Intelligent",
            [.. ticket.Legs.Select(l => new TsOrderLegRequest(TradeStationSymbols.ToTradeStation(l.Contract), TradeStationJson.Number(l.Ratio * ticket.Quantity), TradeAction(l.Side)))],
            confirmId);
    }

    /// <summary>
    /// Whether <paramref name="order"/> (from the day's orders) is the one placed for <paramref name="link"/>: the same legs
    /// (symbol, buy or sell, quantity), the same limit (compared unsigned: the sign of a listed spread's price is not
    /// documented) and opened no earlier than a minute before the link was recorded.
    /// </summary>
    internal static bool Matches(OrderLink link, TsOrder order)
    {
        var ticket = link.Ticket;
        var legs = order.Legs ?? [];
        if (legs.Count != ticket.Legs.Count
            || (DateTimeOffset.TryParse(order.OpenedDateTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var opened)
                && opened < link.CreatedAt - TimeSpan.FromMinutes(1)))
        {
            return false;
        }

        var limit = TradeStationJson.ParseDecimal(order.LimitPrice);
        if (ticket.LimitPrice is { } wanted ? limit is null || Math.Abs(limit.Value) != Math.Abs(wanted) : limit is not null and not 0m)
        {
            return false;
        }

        return ticket.Legs.All(l => legs.Any(o =>
            TradeStationSymbols.TryParse(o.Symbol, out var contract) && contract == l.Contract
            && TradeStationJson.ParseDecimal(o.QuantityOrdered) == l.Ratio * ticket.Quantity
            && (o.BuyOrSell ?? "").StartsWith(l.Buys ? "Buy" : "Sell", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The order's state from the fills stored for it (the truth for quantities) and the broker's status code.</summary>
    internal static OrderState State(OrderTicket ticket, TsOrder order, IReadOnlyList<LegFill> fills, DateTimeOffset at)
    {
        var filledUnits = ticket.Legs.Min(l => fills.Where(f => f.Leg.Contract == l.Contract).Sum(f => f.Contracts) / l.Ratio);
        filledUnits = Math.Min(filledUnits, ticket.Quantity);
        var status = TradeStationStatus.Map(order.Status, filledUnits, ticket.Quantity);
        if (status == OrderStatus.Filled && filledUnits < ticket.Quantity)
        {
            // FLL can arrive before the legs' executions do: filled is final, so it waits for the fills to show.
            status = filledUnits > 0 ? OrderStatus.PartiallyFilled : OrderStatus.Submitted;
        }

        decimal? net = null;
        if (filledUnits > 0)
        {
            net = Math.Round(ticket.Legs.Sum(l =>
            {
                var mine = fills.Where(f => f.Leg.Contract == l.Contract).ToList();
                var average = mine.Sum(f => f.Price * f.Contracts) / mine.Sum(f => f.Contracts);
                return (l.Buys ? 1 : -1) * l.Ratio * average;
            }), 4, MidpointRounding.AwayFromZero);
        }

        var reason = status switch
        {
            OrderStatus.Rejected => order.RejectReason ?? order.StatusDescription ?? "rejected by TradeStation",
            OrderStatus.Cancelled => $"{order.Status} {order.StatusDescription}".Trim(),
            _ => null,
        };
        return new OrderState(ticket.ClientOrderId, status, ticket.Quantity, filledUnits, net, fills.Sum(f => f.Fee), new(fills), order.OrderID, reason, at);
    }
}
