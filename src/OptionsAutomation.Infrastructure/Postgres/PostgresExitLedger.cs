using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Audit;
using OptionsAutomation.Infrastructure.Json;
using OptionsAutomation.Infrastructure.Outbox;
using OptionsAutomation.Infrastructure.Risk;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>Marks, closing orders and their outcomes in Postgres; each call is one transaction.</summary>
public sealed partial class PostgresExitLedger(NpgsqlDataSource dataSource, ILogger<PostgresExitLedger> logger, RiskSettings? risk = null) : IExitLedger
{
    private readonly RiskSettings _risk = risk ?? new RiskSettings();

    static PostgresExitLedger() => DapperConventions.Apply();

    public async Task RecordMarkAsync(MarkUpdate update, Alert? alert, string? manualActor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Only an OPEN position is marked: a close that committed meanwhile wins.
        var current = await connection.QuerySingleOrDefaultAsync<(string MarkStatus, string RequestId)?>(new CommandDefinition(
            "SELECT coalesce(mark_status, ''), request_id FROM positions WHERE position_id = @PositionId AND status = 'OPEN' FOR UPDATE",
            new { update.PositionId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (current is not { } previous)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE positions
            SET mark_status = @Status, mark_problem = @Problem, mark_price = @MarkPrice, marked_at = @MarkedAt,
                unrealized_pnl = @UnrealizedPnl, mae = @Mae, mfe = @Mfe, stop_breaches = @StopBreaches,
                delta = @Delta, gamma = @Gamma, theta = @Theta, vega = @Vega, last_updated = @Now
            WHERE position_id = @PositionId AND status = 'OPEN'
            """,
            new
            {
                update.PositionId,
                Status = update.Quality.ToCode(),
                update.Problem,
                update.MarkPrice,
                MarkedAt = update.MarkedAt?.ToUniversalTime(),
                update.UnrealizedPnl,
                update.Mae,
                update.Mfe,
                update.StopBreaches,
                update.Greeks?.Delta,
                update.Greeks?.Gamma,
                update.Greeks?.Theta,
                update.Greeks?.Vega,
                Now = now.ToUniversalTime(),
            },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

        // Marks change every minute; the audit trail records when a position's mark changes quality,
        // and every mark a person sets.
        var status = update.Quality.ToCode();
        if (manualActor is not null || previous.MarkStatus != status)
        {
            await AuditLog.AppendAsync(transaction, new AuditEvent(now, manualActor ?? "mark-job",
                manualActor is null ? "position.mark_" + status.ToLowerInvariant() : "position.marked_manually", "position",
                Id(update.PositionId), previous.RequestId, update.PositionId, new { update.Quality, update.Problem, update.MarkPrice, update.MarkedAt, update.UnrealizedPnl })).ConfigureAwait(false);
        }

        if (alert is not null)
        {
            await OutboxWriter.EnqueueAsync(transaction, alert, now).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IAsyncDisposable?> TryLockCloseAsync(long positionId, CancellationToken cancellationToken) =>
        await SessionAdvisoryLock.TryAcquireAsync(dataSource, $"close-{Id(positionId)}", cancellationToken).ConfigureAwait(false);

    public async Task<bool> IsOrderWorkingAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"SELECT EXISTS (SELECT 1 FROM orders WHERE client_order_id = @clientOrderId AND status IN ({OrderRecordRow.WorkingStatuses}))",
            new { clientOrderId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<(string ClientOrderId, Position Position)> BeginCloseAsync(
        long positionId, ExitReason reason, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // The row lock makes a second caller wait, then see what the first one did: the position closed, or its
        // closing order at work. Either way it sends nothing.
        var row = await connection.QuerySingleOrDefaultAsync<PositionRow>(new CommandDefinition(
            $"SELECT {PositionRow.Columns} FROM positions WHERE position_id = @positionId FOR UPDATE",
            new { positionId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)
            ?? throw new PositionNotFoundException(Id(positionId));
        var position = row.ToDomain();
        if (position.Status != PositionStatus.Open)
        {
            throw new PositionNotOpenException(positionId, position.Status);
        }

        var working = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            $"SELECT client_order_id FROM orders WHERE position_id = @positionId AND intent = 'CLOSE' AND status IN ({OrderRecordRow.WorkingStatuses})",
            new { positionId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (working is not null)
        {
            throw OrderInProgressException.Closing(positionId, working);
        }

        var clientOrderId = $"close-{positionId}-{Guid.CreateVersion7():N}";
        var ticket = OrderTicket.ToClose(position, clientOrderId, now);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO orders (client_order_id, position_id, request_id, intent, reason, status, legs, quantity, created_at, updated_at)
            VALUES (@ClientOrderId, @PositionId, @RequestId, 'CLOSE', @Reason, 'PENDING', CAST(@Legs AS jsonb), @Quantity, @Now, @Now)
            """,
            new
            {
                ClientOrderId = clientOrderId,
                position.PositionId,
                position.RequestId,
                Reason = reason.ToCode(),
                Legs = OrderLegsJson.Serialize(ticket.Legs),
                ticket.Quantity,
                Now = now.ToUniversalTime(),
            },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, actor, "order.submitted", "order", clientOrderId,
            position.RequestId, position.PositionId, new { intent = "CLOSE", reason, quantity = ticket.Quantity })).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        LogOrderSubmitted(position.PositionId, position.RequestId, clientOrderId, reason.ToCode());
        return (clientOrderId, position);
    }

    public async Task RecordCloseProgressAsync(Position position, OrderState state, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await OrderWriter.MoveAsync(transaction, state, actor, position.RequestId, position.PositionId, null, now, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<ClosedPosition> CompleteCloseAsync(
        long positionId, OrderState fill, Func<Position, ClosedPosition> close, BreakerFeed feed, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var closed = await PositionCloseWriter.CloseAsync(transaction, positionId, close, actor, _risk, cancellationToken).ConfigureAwait(false);
        await OrderWriter.MoveAsync(transaction, fill, actor, closed.Position.RequestId, positionId, null, now, cancellationToken).ConfigureAwait(false);
        await FillWriter.InsertAsync(transaction, fill, closed.Position.RequestId, positionId, cancellationToken).ConfigureAwait(false);
        await BreakerWriter.FeedAsync(transaction, feed, now, _risk).ConfigureAwait(false);
        await OutboxWriter.EnqueueAsync(transaction, Alert.Exit(closed), now).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        LogExited(positionId, closed.Position.RequestId, closed.Trade.ExitReason.ToCode(), closed.Trade.Quantity, closed.Trade.ExitPrice, closed.Trade.PnlRealized);
        return closed;
    }

    public async Task RecordFailedCloseAsync(
        Position position, string clientOrderId, OrderState? final, string error, BreakerFeed feed, Alert alert, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (final is null)
        {
            await OrderWriter.MarkUnknownAsync(transaction, clientOrderId, actor, position.RequestId, position.PositionId, error, now, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await OrderWriter.MoveAsync(transaction, final, actor, position.RequestId, position.PositionId, error, now, cancellationToken).ConfigureAwait(false);
            // Something traded that we could not book (filled for a credit): keep the broker's fills on record.
            await FillWriter.InsertAsync(transaction, final, position.RequestId, position.PositionId, cancellationToken).ConfigureAwait(false);
        }

        await OutboxWriter.EnqueueAsync(transaction, alert, now).ConfigureAwait(false);
        await BreakerWriter.FeedAsync(transaction, feed, now, _risk).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        LogCloseFailed(position.PositionId, position.RequestId, clientOrderId, error);
    }

    public async Task<(ClosedPosition Closed, long? SharesPositionId)> SettleExpirationAsync(
        long positionId, Func<Position, ClosedPosition> close, OrderState settlement, AssignedShares? shares, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var closed = await PositionCloseWriter.CloseAsync(transaction, positionId, close, ExpirationService.Actor, _risk, cancellationToken).ConfigureAwait(false);
        // Expiration is a fill at intrinsic value like any other: an order recorded and filled in the same transaction.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO orders (client_order_id, position_id, request_id, intent, reason, status, legs, quantity, created_at, updated_at)
            VALUES (@ClientOrderId, @PositionId, @RequestId, 'SETTLE', @Reason, 'PENDING', CAST(@Legs AS jsonb), @Quantity, @Now, @Now)
            """,
            new
            {
                settlement.ClientOrderId, PositionId = positionId, closed.Position.RequestId, settlement.Reason,
                Legs = OrderLegsJson.Serialize(settlement.Fills.Select(f => f.Leg)), settlement.Quantity, Now = now.ToUniversalTime(),
            },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, ExpirationService.Actor, "order.submitted", "order", settlement.ClientOrderId,
            closed.Position.RequestId, positionId, new { intent = "SETTLE", reason = settlement.Reason, quantity = settlement.Quantity })).ConfigureAwait(false);
        await OrderWriter.MoveAsync(transaction, settlement, ExpirationService.Actor, closed.Position.RequestId, positionId, null, now, cancellationToken).ConfigureAwait(false);
        await FillWriter.InsertAsync(transaction, settlement, closed.Position.RequestId, positionId, cancellationToken).ConfigureAwait(false);
        long? sharesId = shares is null ? null : await OpenSharesAsync(transaction, shares, now, cancellationToken).ConfigureAwait(false);
        await OutboxWriter.EnqueueAsync(transaction, Alert.Expiration(closed, shares, sharesId), now).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        LogSettled(positionId, closed.Position.RequestId, closed.Trade.ExitReason.ToCode(), closed.Trade.ExitPrice, closed.Trade.PnlRealized);
        return (closed, sharesId);
    }

    public async Task AlertAsync(Alert alert, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await OutboxWriter.EnqueueAsync(transaction, alert, now).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The shares of an assignment as a STOCK position: price per share, multiplier 1, no stop or target
    /// (the option exit rules do not apply), max loss and collateral the cost of the shares.
    /// </summary>
    private static async Task<long> OpenSharesAsync(NpgsqlTransaction transaction, AssignedShares shares, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cost = shares.Price * shares.Shares;
        var notes = string.Create(CultureInfo.InvariantCulture,
            $"assigned from position {shares.FromPositionId}; tax cost basis {shares.CostBasisPerShare:0.00##}/share (strike − credit)");
        var id = await transaction.Connection!.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO positions (request_id, ticker, strategy_type, status, entry_date, entry_price, quantity,
                stop_loss, profit_target, days_held, legs, notes, last_updated, multiplier, fees, max_loss, collateral)
            VALUES (@RequestId, @Ticker, 'STOCK', 'OPEN', @At, @Price, @Shares, 0, 0, 0, '[]'::jsonb, @Notes, @Now, 1, 0, @Cost, @Cost)
            RETURNING position_id
            """,
            new { shares.RequestId, shares.Ticker, At = shares.At.ToUniversalTime(), shares.Price, shares.Shares, Notes = notes, Now = now.ToUniversalTime(), Cost = cost },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, ExpirationService.Actor, "position.opened", "position", Id(id),
            shares.RequestId, id, shares)).ConfigureAwait(false);
        return id;
    }

    private static string Id(long positionId) => positionId.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing order {client_order_id} sent for position {position_id} (request {request_id}): {exit_reason}")]
    private partial void LogOrderSubmitted(long position_id, string request_id, string client_order_id, string exit_reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Position {position_id} (request {request_id}) exited: {exit_reason}, {quantity} at {exit_price}, realized {pnl_realized}")]
    private partial void LogExited(long position_id, string request_id, string exit_reason, int quantity, decimal exit_price, decimal pnl_realized);

    [LoggerMessage(Level = LogLevel.Information, Message = "Position {position_id} (request {request_id}) settled at expiration: {exit_reason} at {exit_price}, realized {pnl_realized}")]
    private partial void LogSettled(long position_id, string request_id, string exit_reason, decimal exit_price, decimal pnl_realized);

    [LoggerMessage(Level = LogLevel.Error, Message = "Closing order {client_order_id} for position {position_id} (request {request_id}) closed nothing: {error}; position stays OPEN")]
    private partial void LogCloseFailed(long position_id, string request_id, string client_order_id, string error);
}
