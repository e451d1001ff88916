using Npgsql;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Orders.Paper;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Infrastructure.Brokers;

/// <summary>
/// Simulated execution against the market-data quotes by Core's fill model (<see cref="PaperExchange"/>: the touch with
/// improvement, a limit at its limit when the mid allows, resting orders evaluated again on every
/// <see cref="GetOrderAsync"/>, partial fills, commissions, rejections). Placing a client order id again answers that
/// order's current state. Its book (orders, fills, and the account derived from them) lives in Postgres, like a real
/// broker's outside our process: it survives a restart, and recovery can ask it what became of an order. Each call locks
/// the order's row, so concurrent calls and processes see one book.
/// </summary>
public sealed class PaperBroker(NpgsqlDataSource dataSource, IMarketData marketData, PaperBrokerSettings settings, TimeProvider clock) : IBroker
{
    private readonly PaperExchange _exchange = new(marketData, settings);

    static PaperBroker() => DapperConventions.Apply();

    public async Task<OrderState> PlaceAsync(OrderTicket ticket, CancellationToken cancellationToken)
    {
        // The quotes are read before the transaction opens, so no row lock waits on market data.
        var order = await _exchange.PlaceAsync(ticket, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Two placements of one id: the first one's insert wins, the other answers its state.
        if (!await PaperOrderStore.InsertAsync(transaction, order, cancellationToken).ConfigureAwait(false))
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return (await GetOrderAsync(ticket.ClientOrderId, cancellationToken).ConfigureAwait(false))!;
        }

        await PaperOrderStore.SaveAsync(transaction, order, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return order.State;
    }

    public Task<OrderState?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken) =>
        WhileWorkingAsync(clientOrderId, (order, token) => _exchange.EvaluateAsync(order, clock.GetUtcNow(), token), cancellationToken);

    public Task<OrderState?> CancelAsync(string clientOrderId, CancellationToken cancellationToken) =>
        WhileWorkingAsync(clientOrderId, (order, _) =>
        {
            PaperExchange.Cancel(order, clock.GetUtcNow());
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Re-prices a working order and evaluates it at the new limit at once, as a marketable replace would fill.</summary>
    public Task<OrderState?> ReplaceAsync(string clientOrderId, decimal limitPrice, CancellationToken cancellationToken) =>
        WhileWorkingAsync(clientOrderId, (order, token) => _exchange.ReplaceAsync(order, limitPrice, clock.GetUtcNow(), token), cancellationToken);

    public async Task<IReadOnlyList<LegFill>> GetFillsAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await PaperOrderStore.FillsAsync(connection, null, clientOrderId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken) =>
        (await BookAsync(cancellationToken).ConfigureAwait(false)).Positions;

    public async Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken) =>
        (await BookAsync(cancellationToken).ConfigureAwait(false)).Account();

    /// <summary>
    /// Loads the order under its row lock, applies <paramref name="change"/> unless it is final, and writes it back: one
    /// transaction, so concurrent calls and processes see one book. Null when the book has no such order.
    /// </summary>
    private async Task<OrderState?> WhileWorkingAsync(string clientOrderId, Func<PaperOrder, CancellationToken, Task> change, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (await PaperOrderStore.LoadForUpdateAsync(transaction, clientOrderId, cancellationToken).ConfigureAwait(false) is not { } order)
        {
            return null;
        }

        if (!order.State.IsFinal)
        {
            await change(order, cancellationToken).ConfigureAwait(false);
            await PaperOrderStore.SaveAsync(transaction, order, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return order.State;
    }

    /// <summary>The account as of now: every fill the broker made, replayed from the starting equity.</summary>
    private async Task<PaperBook> BookAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var book = new PaperBook(settings.StartingEquity);
        foreach (var fill in await PaperOrderStore.FillsAsync(connection, null, null, cancellationToken).ConfigureAwait(false))
        {
            book.Apply([fill], fill.Fee);
        }

        return book;
    }
}
