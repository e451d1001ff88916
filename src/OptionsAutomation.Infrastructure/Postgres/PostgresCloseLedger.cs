using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>Closing orders up to their outcome in Postgres; each call is one transaction.</summary>
public sealed partial class PostgresCloseLedger(NpgsqlDataSource dataSource, ILogger<PostgresCloseLedger> logger) : ICloseLedger
{
    static PostgresCloseLedger() => DapperConventions.Apply();

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
        long positionId, ExitReason reason, decimal? limitPrice, string actor, DateTimeOffset now, CancellationToken cancellationToken)
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

        if (await OrderWriter.WorkingCloseAsync(transaction, positionId, cancellationToken).ConfigureAwait(false) is { } working)
        {
            throw OrderInProgressException.Closing(positionId, working);
        }

        var clientOrderId = $"close-{positionId}-{Guid.CreateVersion7():N}";
        var ticket = OrderTicket.ToClose(position, clientOrderId, now) with { LimitPrice = limitPrice };
        await OrderWriter.RecordAsync(transaction, clientOrderId, OrderIntent.Close, ticket.Legs, ticket.Quantity, ticket.LimitPrice,
            position.RequestId, position.PositionId, reason.ToCode(), actor, now, cancellationToken).ConfigureAwait(false);
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

    private static string Id(long positionId) => positionId.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing order {client_order_id} sent for position {position_id} (request {request_id}): {exit_reason}")]
    private partial void LogOrderSubmitted(long position_id, string request_id, string client_order_id, string exit_reason);
}
