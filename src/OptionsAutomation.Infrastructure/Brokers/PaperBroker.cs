using Npgsql;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Infrastructure.Brokers;

/// <summary>
/// Simulated execution against the market-data quotes. A marketable order buys at the ask and sells at the bid, each
/// improved by <see cref="PaperBrokerSettings.PriceImprovement"/> but never through the other side; a limit order fills at
/// its limit when the mid is at or better than it and otherwise rests (SUBMITTED), to be evaluated again on every
/// <see cref="GetOrderAsync"/> at the ticket's as-of plus the time elapsed on the clock. At most
/// <see cref="PaperBrokerSettings.MaxContractsPerFill"/> units fill per evaluation (PARTIALLY_FILLED until the rest
/// fills). Orders never expire here: the caller cancels (<see cref="Core.Trading.OrderExecutor"/>). Commissions per
/// contract, per leg fill. A leg without a two-sided quote when the order is placed, a call leg (collateral for calls is
/// not modelled) or a quantity below one rejects the order. Placing a client order id again answers that order's
/// current state. Its book (orders, fills, and the account derived from them) lives in Postgres, like a real broker's
/// outside our process: it survives a restart, and recovery can ask it what became of an order. Each call locks the
/// order's row, so concurrent calls and processes see one book.
/// </summary>
public sealed class PaperBroker(NpgsqlDataSource dataSource, IMarketData marketData, PaperBrokerSettings settings, TimeProvider clock) : IBroker
{
    static PaperBroker() => DapperConventions.Apply();

    public async Task<OrderState> PlaceAsync(OrderTicket ticket, CancellationToken cancellationToken)
    {
        var invalid = ticket.Quantity < 1 ? $"quantity {ticket.Quantity} is below one"
            : ticket.Legs.Count == 0 ? "an order needs at least one leg"
            : ticket.Legs.Any(l => l.Contract.Right != OptionRight.Put) ? "the paper broker trades puts only"
            : null;
        var (quotes, unquoted) = invalid is null ? await QuotesAsync(ticket, ticket.AsOf, cancellationToken).ConfigureAwait(false) : (null, null);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var order = new PaperOrder(ticket, clock.GetUtcNow());
        // Two placements of one id: the first one's insert wins, the other answers its state.
        if (!await PaperOrderStore.InsertAsync(transaction, order, cancellationToken).ConfigureAwait(false))
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return (await GetOrderAsync(ticket.ClientOrderId, cancellationToken).ConfigureAwait(false))!;
        }

        if ((invalid ?? unquoted) is { } reason)
        {
            order.Reject(reason, clock.GetUtcNow());
        }
        else
        {
            Evaluate(order, quotes!, ticket.AsOf);
        }

        await PaperOrderStore.SaveAsync(transaction, order, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return order.State;
    }

    public Task<OrderState?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken) =>
        WhileWorkingAsync(clientOrderId, EvaluateNowAsync, cancellationToken);

    public Task<OrderState?> CancelAsync(string clientOrderId, CancellationToken cancellationToken) =>
        WhileWorkingAsync(clientOrderId, (order, _) =>
        {
            order.Cancel(order.EvaluatedAt(clock.GetUtcNow()));
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Re-prices a working order and evaluates it at the new limit at once, as a marketable replace would fill.</summary>
    public Task<OrderState?> ReplaceAsync(string clientOrderId, decimal limitPrice, CancellationToken cancellationToken) =>
        WhileWorkingAsync(clientOrderId, (order, token) =>
        {
            order.Reprice(limitPrice);
            return EvaluateNowAsync(order, token);
        }, cancellationToken);

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

    /// <summary>Fills what the market allows at the order's as-of now; a leg unquoted now leaves it as it is (it was quoted when placed).</summary>
    private async Task EvaluateNowAsync(PaperOrder order, CancellationToken cancellationToken)
    {
        var asOf = order.EvaluatedAt(clock.GetUtcNow());
        var (quotes, _) = await QuotesAsync(order.Ticket, asOf, cancellationToken).ConfigureAwait(false);
        if (quotes is not null)
        {
            Evaluate(order, quotes, asOf);
        }
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

    /// <summary>Fills what the market allows now.</summary>
    private void Evaluate(PaperOrder order, IReadOnlyList<LegQuote> quotes, DateTimeOffset asOf)
    {
        if (PaperPricing.FillPrices(order.Ticket, quotes, settings.PriceImprovement) is not { } prices)
        {
            return;
        }

        var units = settings.MaxContractsPerFill > 0 ? Math.Min(order.State.UnfilledQuantity, settings.MaxContractsPerFill) : order.State.UnfilledQuantity;
        order.Fill(units, prices, settings.FeePerContract, asOf);
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
