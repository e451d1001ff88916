using System.Collections.Concurrent;
using OptionsAutomation.Core;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Infrastructure.Brokers;

/// <summary>
/// Simulated execution against the market-data quotes as of the ticket's time: a marketable order buys at
/// the ask and sells at the bid, each improved by <see cref="PaperBrokerSettings.PriceImprovement"/> but
/// never through the other side; a limit order fills at its limit when the mid is at or better than it;
/// commissions per contract. A leg without a two-sided quote rejects the whole order.
/// Repeating a client order id returns the first outcome (idempotency as a real broker offers it).
/// </summary>
public sealed class PaperBroker(IMarketData marketData, PaperBrokerSettings settings, TimeProvider clock) : IBroker
{
    private readonly ConcurrentDictionary<string, Task<OrderOutcome>> _orders = new(StringComparer.Ordinal);

    public Task<OrderOutcome> SubmitAsync(OrderTicket ticket, CancellationToken cancellationToken) =>
        _orders.GetOrAdd(ticket.ClientOrderId, _ => ExecuteAsync(ticket, cancellationToken));

    private async Task<OrderOutcome> ExecuteAsync(OrderTicket ticket, CancellationToken cancellationToken)
    {
        var quotes = new List<(OrderLeg Leg, decimal Bid, decimal Ask)>(ticket.Legs.Count);
        foreach (var leg in ticket.Legs)
        {
            var quote = await marketData.GetOptionQuoteAsync(leg.Contract, ticket.AsOf, cancellationToken).ConfigureAwait(false);
            if (quote is not { Bid: { } bid, Ask: { } ask } || ask <= 0m || bid < 0m || bid > ask)
            {
                return OrderOutcome.Rejected(ticket.ClientOrderId, $"no two-sided quote for {leg.Contract.OccSymbol}", clock.GetUtcNow());
            }

            quotes.Add((leg, bid, ask));
        }

        return ticket.LimitPrice is { } limit ? AtLimit(ticket, quotes, limit) : AtTheTouch(ticket, quotes);
    }

    /// <summary>A marketable order: buys at the ask and sells at the bid, each improved but never through the other side.</summary>
    private OrderOutcome AtTheTouch(OrderTicket ticket, List<(OrderLeg Leg, decimal Bid, decimal Ask)> quotes) =>
        Filled(ticket, [.. quotes.Select(q => (q.Leg, q.Leg.Buys
            ? Math.Max(q.Bid, q.Ask - settings.PriceImprovement)
            : Math.Min(q.Ask, q.Bid + settings.PriceImprovement)))]);

    /// <summary>
    /// A limit order fills at its limit when the combination's mid is at or better than it (legs at their
    /// mids, the first leg carrying the difference); otherwise it is cancelled at once rather than left
    /// resting, since the paper market does not move while an order waits.
    /// </summary>
    private OrderOutcome AtLimit(OrderTicket ticket, List<(OrderLeg Leg, decimal Bid, decimal Ask)> quotes, decimal limit)
    {
        var mids = quotes.Select(q => (q.Leg, Price: (q.Bid + q.Ask) / 2m)).ToList();
        var netMid = mids.Sum(m => (m.Leg.Buys ? m.Price : -m.Price) * m.Leg.Ratio);
        if (netMid > limit)
        {
            return OrderOutcome.Rejected(ticket.ClientOrderId, $"limit {limit} not reached (mid {netMid}); cancelled", clock.GetUtcNow());
        }

        var first = mids[0];
        var adjustment = (limit - netMid) / first.Leg.Ratio;
        mids[0] = (first.Leg, first.Price + (first.Leg.Buys ? adjustment : -adjustment));
        return Filled(ticket, mids);
    }

    private OrderOutcome Filled(OrderTicket ticket, List<(OrderLeg Leg, decimal Price)> legs)
    {
        var fills = legs.Select((l, i) => new LegFill($"{ticket.ClientOrderId}-{i + 1}", l.Leg, l.Leg.Ratio * ticket.Quantity, l.Price)).ToList();
        var netPerUnit = legs.Sum(l => (l.Leg.Buys ? l.Price : -l.Price) * l.Leg.Ratio);
        var contracts = fills.Sum(f => f.Contracts);
        return new OrderOutcome(
            ticket.ClientOrderId,
            OrderStatus.Filled,
            netPerUnit,
            decimal.Round(settings.FeePerContract * contracts, 2, MidpointRounding.AwayFromZero),
            new ValueList<LegFill>(fills),
            $"paper-{ticket.ClientOrderId}",
            null,
            ticket.AsOf);
    }
}
