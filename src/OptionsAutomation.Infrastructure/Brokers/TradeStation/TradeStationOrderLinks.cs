using Dapper;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

/// <summary>
/// The mapping client order id → OrderConfirmID → broker order id in Postgres (<c>broker_order_links</c>), and the leg
/// fills seen so far (<c>broker_order_fills</c>). Written before and after every placement so a crash in between is
/// recognisable; fills are added under the link's row lock, so two pollers never store one execution twice.
/// </summary>
public sealed class TradeStationOrderLinks(NpgsqlDataSource dataSource)
{
    private const string Broker = "tradestation";

    private const string LinkColumns =
        "client_order_id, account_id, confirm_id, broker_order_id, state, underlying, legs::text AS legs, quantity, limit_price, reason, created_at, updated_at";

    static TradeStationOrderLinks() => DapperConventions.Apply();

    public async Task<OrderLink?> FindAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<LinkRow>(new CommandDefinition(
            $"SELECT {LinkColumns} FROM broker_order_links WHERE client_order_id = @clientOrderId AND broker = @Broker",
            new { clientOrderId, Broker }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToLink();
    }

    /// <summary>Records the order PLACING before anything is sent; a client order id recorded before keeps its first row, which is returned.</summary>
    public async Task<OrderLink> RecordPlacingAsync(OrderTicket ticket, string accountId, string confirmId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO broker_order_links (client_order_id, broker, account_id, confirm_id, state, underlying, legs, quantity, limit_price, created_at, updated_at)
            VALUES (@ClientOrderId, @Broker, @AccountId, @ConfirmId, 'PLACING', @Underlying, CAST(@Legs AS jsonb), @Quantity, @LimitPrice, @Now, @Now)
            ON CONFLICT (client_order_id) DO NOTHING
            """,
            new
            {
                ticket.ClientOrderId, Broker, AccountId = accountId, ConfirmId = confirmId, ticket.Underlying, Legs = OrderLegsJson.Serialize(ticket.Legs),
                ticket.Quantity, ticket.LimitPrice, Now = now.UtcDateTime,
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return await FindAsync(ticket.ClientOrderId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"order link {ticket.ClientOrderId} vanished after insert");
    }

    /// <summary>
    /// Just before the placing request goes out: from here on the order may exist at the broker. Only one caller moves a
    /// link from PLACING, so only one ever sends it; false for the others.
    /// </summary>
    public async Task<bool> TryMarkSendingAsync(string clientOrderId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE broker_order_links SET state = 'SENDING', updated_at = @Now WHERE client_order_id = @clientOrderId AND state = 'PLACING'",
            new { clientOrderId, Now = now.UtcDateTime }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    public Task MarkPlacedAsync(string clientOrderId, string brokerOrderId, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateAsync("state = 'PLACED', broker_order_id = @brokerOrderId", new { clientOrderId, brokerOrderId, Now = now.UtcDateTime }, cancellationToken);

    /// <summary>The broker refused the order, or preview mode only confirmed it: nothing is at the broker.</summary>
    public Task MarkNotPlacedAsync(string clientOrderId, OrderLinkState state, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateAsync(
            "state = @state, reason = @reason",
            new { clientOrderId, state = state == OrderLinkState.Previewed ? "PREVIEWED" : "NOT_PLACED", reason, Now = now.UtcDateTime },
            cancellationToken);

    /// <summary>Broker order ids already linked to a client order id, so a search of the day's orders never claims one twice.</summary>
    public async Task<IReadOnlySet<string>> LinkedBrokerIdsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT broker_order_id FROM broker_order_links WHERE broker = @Broker AND broker_order_id IS NOT NULL",
            new { Broker }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<LegFill>> FillsAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadFillsAsync(connection, null, clientOrderId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Under the link's row lock: reads the stored fills, asks <paramref name="compute"/> for the new ones, stores them
    /// (a fill id seen before is skipped) and returns every fill, oldest first.
    /// </summary>
    public async Task<IReadOnlyList<LegFill>> AddFillsAsync(
        string clientOrderId, Func<IReadOnlyList<LegFill>, IReadOnlyList<LegFill>> compute, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT 1 FROM broker_order_links WHERE client_order_id = @clientOrderId FOR UPDATE", new { clientOrderId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var stored = await ReadFillsAsync(connection, transaction, clientOrderId, cancellationToken).ConfigureAwait(false);
        var fresh = compute(stored);
        var seq = stored.Count;
        foreach (var fill in fresh)
        {
            seq++;
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO broker_order_fills (fill_id, client_order_id, seq, symbol, side, ratio, contracts, price, fee, seen_at)
                VALUES (@FillId, @clientOrderId, @seq, @Symbol, @Side, @Ratio, @Contracts, @Price, @Fee, @Now)
                ON CONFLICT (fill_id) DO NOTHING
                """,
                new
                {
                    fill.FillId, clientOrderId, seq, Symbol = fill.Leg.Contract.OccSymbol, Side = fill.Leg.Side.ToCode(), fill.Leg.Ratio,
                    fill.Contracts, fill.Price, fill.Fee, Now = now.UtcDateTime,
                },
                transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        var all = fresh.Count == 0 ? stored : await ReadFillsAsync(connection, transaction, clientOrderId, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return all;
    }

    private async Task UpdateAsync(string set, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE broker_order_links SET {set}, updated_at = @Now WHERE client_order_id = @clientOrderId", parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<LegFill>> ReadFillsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string clientOrderId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<LegFillRow>(new CommandDefinition(
            $"SELECT {LegFillRow.Columns} FROM broker_order_fills WHERE client_order_id = @clientOrderId ORDER BY seq",
            new { clientOrderId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToLegFill("broker_order_fills"))];
    }

    private sealed class LinkRow
    {
        public string ClientOrderId { get; set; } = "";
        public string AccountId { get; set; } = "";
        public string ConfirmId { get; set; } = "";
        public string? BrokerOrderId { get; set; }
        public string State { get; set; } = "";
        public string Underlying { get; set; } = "";
        public string Legs { get; set; } = "[]";
        public int Quantity { get; set; }
        public decimal? LimitPrice { get; set; }
        public string? Reason { get; set; }
        public DateTime CreatedAt { get; set; }
        public DateTime UpdatedAt { get; set; }

        public OrderLink ToLink()
        {
            var legs = OrderLegsJson.Parse(Legs, "broker_order_links");
            var created = RowTime.Utc(CreatedAt);
            return new OrderLink(
                new OrderTicket(ClientOrderId, Underlying, new ValueList<OrderLeg>(legs), Quantity, LimitPrice, created),
                AccountId,
                ConfirmId,
                BrokerOrderId,
                State switch
                {
                    "PLACED" => OrderLinkState.Placed,
                    "NOT_PLACED" => OrderLinkState.NotPlaced,
                    "PREVIEWED" => OrderLinkState.Previewed,
                    "SENDING" => OrderLinkState.Sending,
                    _ => OrderLinkState.Placing,
                },
                Reason,
                created,
                RowTime.Utc(UpdatedAt));
        }
    }
}
