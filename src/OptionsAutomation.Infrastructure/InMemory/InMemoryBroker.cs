using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Orders.Paper;
using OptionsAutomation.Infrastructure.Brokers;

namespace OptionsAutomation.Infrastructure.InMemory;

/// <summary>
/// The paper broker with its book in memory (single-threaded): the same fill model (<see cref="PaperExchange"/>) against
/// the market data it is given, so an order fills at once or rests and fills on a later look exactly as with
/// <see cref="PaperBroker"/>; placing a client order id again answers that order's state.
/// </summary>
internal sealed class InMemoryBroker(IMarketData marketData, PaperBrokerSettings settings, TimeProvider clock) : IBroker
{
    private readonly PaperExchange _exchange = new(marketData, settings);
    private readonly Dictionary<string, PaperOrder> _orders = new(StringComparer.Ordinal);
    // The account, kept up to date fill by fill (the Postgres broker replays its stored fills for each question instead).
    private readonly PaperBook _book = new(settings.StartingEquity);

    public async Task<OrderState> PlaceAsync(OrderTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (_orders.TryGetValue(ticket.ClientOrderId, out var placed))
        {
            return (await GetOrderAsync(placed.Ticket.ClientOrderId, cancellationToken).ConfigureAwait(false))!;
        }

        var order = await _exchange.PlaceAsync(ticket, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        _orders.Add(ticket.ClientOrderId, order);
        Book(order.State.Fills);
        return order.State;
    }

    public Task<OrderState?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken) =>
        WhileWorkingAsync(clientOrderId, order => _exchange.EvaluateAsync(order, clock.GetUtcNow(), cancellationToken));

    public Task<OrderState?> CancelAsync(string clientOrderId, CancellationToken cancellationToken) =>
        WhileWorkingAsync(clientOrderId, order =>
        {
            PaperExchange.Cancel(order, clock.GetUtcNow());
            return Task.CompletedTask;
        });

    public Task<OrderState?> ReplaceAsync(string clientOrderId, decimal limitPrice, CancellationToken cancellationToken) =>
        WhileWorkingAsync(clientOrderId, order => _exchange.ReplaceAsync(order, limitPrice, clock.GetUtcNow(), cancellationToken));

    public Task<IReadOnlyList<LegFill>> GetFillsAsync(string clientOrderId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LegFill>>(_orders.TryGetValue(clientOrderId, out var order) ? [.. order.State.Fills] : []);

    public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken) => Task.FromResult(_book.Positions);

    public Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken) => Task.FromResult(_book.Account());

    /// <summary>Applies <paramref name="change"/> unless the order is final; null when the book has no such order.</summary>
    private async Task<OrderState?> WhileWorkingAsync(string clientOrderId, Func<PaperOrder, Task> change)
    {
        if (!_orders.TryGetValue(clientOrderId, out var order))
        {
            return null;
        }

        if (!order.State.IsFinal)
        {
            var before = order.State.Fills.Count;
            await change(order).ConfigureAwait(false);
            Book(order.State.Fills.Skip(before));
        }

        return order.State;
    }

    /// <summary>Books the broker's new fills into the account, in the order it made them.</summary>
    private void Book(IEnumerable<LegFill> fills)
    {
        foreach (var fill in fills)
        {
            _book.Apply([fill], fill.Fee);
        }
    }
}
