using System.Collections.Concurrent;
using OptionsAutomation.Core;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Infrastructure.Brokers;

/// <summary>
/// Simulated execution against the market-data quotes as of the ticket's time: buys fill at the ask and
/// sells at the bid, each improved by <see cref="PaperBrokerSettings.PriceImprovement"/> but never through
/// the other side; commissions per contract. A leg without a two-sided quote rejects the whole order.
/// Repeating a client order id returns the first outcome (idempotency as a real broker offers it).
/// </summary>
public sealed class PaperBroker(IMarketData marketData, PaperBrokerSettings settings, TimeProvider clock) : IBroker
{
    private readonly ConcurrentDictionary<string, Task<OrderOutcome>> _orders = new(StringComparer.Ordinal);

    public Task<OrderOutcome> SubmitAsync(OrderTicket ticket, CancellationToken cancellationToken) =>
        _orders.GetOrAdd(ticket.ClientOrderId, _ => ExecuteAsync(ticket, cancellationToken));

    private async Task<OrderOutcome> ExecuteAsync(OrderTicket ticket, CancellationToken cancellationToken)
    {
        var fills = new List<LegFill>(ticket.Legs.Count);
        var netPerUnit = 0m;
        foreach (var leg in ticket.Legs)
        {
            var quote = await marketData.GetOptionQuoteAsync(leg.Contract, ticket.AsOf, cancellationToken).ConfigureAwait(false);
            if (quote is not { Bid: { } bid, Ask: { } ask } || ask <= 0m || bid < 0m || bid > ask)
            {
                return OrderOutcome.Rejected(ticket.ClientOrderId, $"no two-sided quote for {leg.Contract.OccSymbol}", clock.GetUtcNow());
            }

            var price = leg.Buys
                ? Math.Max(bid, ask - settings.PriceImprovement)
                : Math.Min(ask, bid + settings.PriceImprovement);
            fills.Add(new LegFill($"{ticket.ClientOrderId}-{fills.Count + 1}", leg, leg.Ratio * ticket.Quantity, price));
            netPerUnit += (leg.Buys ? price : -price) * leg.Ratio;
        }

        // A debit order is priced as a debit: a limit below the natural price does not fill.
        if (ticket.LimitPrice is { } limit && netPerUnit > limit)
        {
            return OrderOutcome.Rejected(ticket.ClientOrderId, $"limit {limit} not reached (natural {netPerUnit})", clock.GetUtcNow());
        }

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
