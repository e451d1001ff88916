using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;

namespace OptionsAutomation.Core.Orders.Paper;

/// <summary>
/// The paper fill model: how an order trades against the market-data quotes, whoever keeps the book. A marketable order
/// buys at the ask and sells at the bid, each improved by <see cref="PaperFillRules.PriceImprovement"/> but never through
/// the other side; a limit order fills at its limit when the mid is at or better than it and otherwise rests (SUBMITTED),
/// to be evaluated again at the ticket's as-of plus the time the broker's clock moved since placement. At most
/// <see cref="PaperFillRules.MaxContractsPerFill"/> units fill per evaluation (PARTIALLY_FILLED until the rest fills).
/// Orders never expire here: the caller cancels (<see cref="Trading.OrderExecutor"/>). Commissions per contract, per leg
/// fill. A leg without a two-sided quote when the order is placed, a call leg (collateral for calls is not modelled) or a
/// quantity below one rejects the order. It reads quotes and changes the <see cref="PaperOrder"/> it is given; storing
/// the order, and answering a client order id placed twice, is the broker's.
/// </summary>
public sealed class PaperExchange(IMarketData marketData, PaperFillRules rules)
{
    /// <summary>A new order placed at <paramref name="placedAt"/>: rejected, or evaluated at once at the ticket's as-of.</summary>
    public async Task<PaperOrder> PlaceAsync(OrderTicket ticket, DateTimeOffset placedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var invalid = ticket.Quantity < 1 ? $"quantity {ticket.Quantity} is below one"
            : ticket.Legs.Count == 0 ? "an order needs at least one leg"
            : ticket.Legs.Any(l => l.Contract.Right != OptionRight.Put) ? "the paper broker trades puts only"
            : null;
        var (quotes, unquoted) = invalid is null ? await QuotesAsync(ticket, ticket.AsOf, cancellationToken).ConfigureAwait(false) : (null, null);
        var order = new PaperOrder(ticket, placedAt);
        if ((invalid ?? unquoted) is { } reason)
        {
            order.Reject(reason, placedAt);
        }
        else
        {
            Fill(order, quotes!, ticket.AsOf);
        }

        return order;
    }

    /// <summary>Fills what the market allows at the order's as-of now; a leg unquoted now leaves it as it is (it was quoted when placed).</summary>
    public async Task EvaluateAsync(PaperOrder order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var asOf = order.EvaluatedAt(now);
        var (quotes, _) = await QuotesAsync(order.Ticket, asOf, cancellationToken).ConfigureAwait(false);
        if (quotes is not null)
        {
            Fill(order, quotes, asOf);
        }
    }

    /// <summary>Re-prices a working order and evaluates it at the new limit at once, as a marketable replace would fill.</summary>
    public Task ReplaceAsync(PaperOrder order, decimal limitPrice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        order.Reprice(limitPrice);
        return EvaluateAsync(order, now, cancellationToken);
    }

    public static void Cancel(PaperOrder order, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        order.Cancel(order.EvaluatedAt(now));
    }

    private void Fill(PaperOrder order, IReadOnlyList<LegQuote> quotes, DateTimeOffset asOf)
    {
        if (PaperPricing.FillPrices(order.Ticket, quotes, rules.PriceImprovement) is not { } prices)
        {
            return;
        }

        var units = rules.MaxContractsPerFill > 0 ? Math.Min(order.State.UnfilledQuantity, rules.MaxContractsPerFill) : order.State.UnfilledQuantity;
        order.Fill(units, prices, rules.FeePerContract, asOf);
    }

    /// <summary>Every leg's two-sided quote as of the instant, or the reason one is missing.</summary>
    private async Task<(IReadOnlyList<LegQuote>? Quotes, string? Missing)> QuotesAsync(OrderTicket ticket, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var quotes = new List<LegQuote>(ticket.Legs.Count);
        foreach (var leg in ticket.Legs)
        {
            var quote = await marketData.GetOptionQuoteAsync(leg.Contract, asOf, cancellationToken).ConfigureAwait(false);
            if (quote is not { Bid: { } bid, Ask: { } ask } || ask <= 0m || bid < 0m || bid > ask)
            {
                return (null, $"no two-sided quote for {leg.Contract.OccSymbol}");
            }

            quotes.Add(new LegQuote(leg, bid, ask));
        }

        return (quotes, null);
    }
}
