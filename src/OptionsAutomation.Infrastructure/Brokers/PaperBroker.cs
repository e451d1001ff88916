using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Infrastructure.Brokers;

/// <summary>
/// Simulated execution against the market-data quotes. A marketable order buys at the ask and sells at the
/// bid, each improved by <see cref="PaperBrokerSettings.PriceImprovement"/> but never through the other side;
/// a limit order fills at its limit when the mid is at or better than it and otherwise rests (SUBMITTED),
/// to be evaluated again on every <see cref="GetOrderAsync"/> at the ticket's as-of plus the time elapsed on
/// the clock. At most <see cref="PaperBrokerSettings.MaxContractsPerFill"/> units fill per evaluation
/// (PARTIALLY_FILLED until the rest fills). Orders never expire here: the caller cancels
/// (<see cref="Core.Trading.OrderExecutor"/>). Commissions per contract. A leg without a two-sided quote
/// when the order is placed, a call leg (collateral for calls is not modelled) or a quantity below one
/// rejects the order. Placing a client order id again answers that order's current state.
/// </summary>
public sealed class PaperBroker(IMarketData marketData, PaperBrokerSettings settings, TimeProvider clock) : IBroker
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, PaperOrder> _orders = new(StringComparer.Ordinal);
    private readonly PaperBook _book = new(settings.StartingEquity);

    public async Task<OrderState> PlaceAsync(OrderTicket ticket, CancellationToken cancellationToken)
    {
        if (Find(ticket.ClientOrderId) is not null)
        {
            return (await GetOrderAsync(ticket.ClientOrderId, cancellationToken).ConfigureAwait(false))!;
        }

        var order = new PaperOrder(ticket, clock.GetUtcNow());
        var invalid = ticket.Quantity < 1 ? $"quantity {ticket.Quantity} is below one"
            : ticket.Legs.Count == 0 ? "an order needs at least one leg"
            : ticket.Legs.Any(l => l.Contract.Right != OptionRight.Put) ? "the paper broker trades puts only"
            : null;
        var (quotes, unquoted) = invalid is null ? await QuotesAsync(ticket, ticket.AsOf, cancellationToken).ConfigureAwait(false) : (null, null);
        lock (_lock)
        {
            // Two concurrent placements of one id: the first to get here places it, the other answers its state.
            if (_orders.TryGetValue(ticket.ClientOrderId, out var placed))
            {
                return placed.State;
            }

            _orders.Add(ticket.ClientOrderId, order);
            if ((invalid ?? unquoted) is { } reason)
            {
                order.Reject(reason, clock.GetUtcNow());
            }
            else
            {
                Evaluate(order, quotes!, ticket.AsOf);
            }

            return order.State;
        }
    }

    public async Task<OrderState?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        if (Find(clientOrderId) is not { } order)
        {
            return null;
        }

        var asOf = order.EvaluatedAt(clock.GetUtcNow());
        // A leg unquoted now leaves a working order as it is; it was quoted when it was placed.
        var (quotes, _) = await QuotesAsync(order.Ticket, asOf, cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            if (quotes is not null && !order.State.IsFinal)
            {
                Evaluate(order, quotes, asOf);
            }

            return order.State;
        }
    }

    public Task<OrderState?> CancelAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_orders.TryGetValue(clientOrderId, out var order))
            {
                return Task.FromResult<OrderState?>(null);
            }

            if (!order.State.IsFinal)
            {
                order.Cancel(order.EvaluatedAt(clock.GetUtcNow()));
            }

            return Task.FromResult<OrderState?>(order.State);
        }
    }

    public Task<IReadOnlyList<LegFill>> GetFillsAsync(string clientOrderId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LegFill>>(Find(clientOrderId) is { } order ? order.State.Fills : []);

    public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_book.Positions);
        }
    }

    public Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_book.Account());
        }
    }

    private PaperOrder? Find(string clientOrderId)
    {
        lock (_lock)
        {
            return _orders.GetValueOrDefault(clientOrderId);
        }
    }

    /// <summary>Fills what the market allows now (under the lock).</summary>
    private void Evaluate(PaperOrder order, IReadOnlyList<LegQuote> quotes, DateTimeOffset asOf)
    {
        if (PaperPricing.FillPrices(order.Ticket, quotes, settings.PriceImprovement) is not { } prices)
        {
            return;
        }

        var units = settings.MaxContractsPerFill > 0 ? Math.Min(order.State.UnfilledQuantity, settings.MaxContractsPerFill) : order.State.UnfilledQuantity;
        var fills = order.Fill(units, prices, settings.FeePerContract, asOf);
        _book.Apply(fills, fills.Sum(f => f.Fee));
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
