using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using OptionsAutomation.Infrastructure.Telegram;

namespace OptionsAutomation.Infrastructure.Outbox;

/// <summary>
/// The <c>log</c> alert channel: writes each pending outbox row to the log and settles it as delivery <c>log</c>.
/// Rows are claimed (FOR UPDATE SKIP LOCKED, so two workers never take the same row) and logged inside the
/// transaction that settles them: a crash before the commit leaves them pending, to be logged again — at least
/// once, as every outbox channel promises.
/// </summary>
public sealed partial class LogAlertDelivery(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<LogAlertDelivery> logger)
{
    private const int Batch = 100;

    /// <summary>Delivers what is due; returns how many rows it settled.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<(long MessageId, string? Kind, string? Text)>(new CommandDefinition(
            """
            UPDATE outbox SET delivery = @Log, delivered_at = @Now, attempts = attempts + 1, last_error = NULL
            WHERE message_id IN (
                SELECT message_id FROM outbox
                WHERE delivered_at IS NULL AND delivery IS NULL AND available_at <= @Now AND channel = @AlertChannel
                ORDER BY message_id LIMIT @Batch FOR UPDATE SKIP LOCKED)
            RETURNING message_id, payload->>'kind', payload->>'text'
            """,
            new { DeliveryCodes.Log, Now = clock.GetUtcNow().ToUniversalTime(), Batch, OutboxWriter.AlertChannel }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))
            .OrderBy(r => r.MessageId)
            .ToList();
        foreach (var (messageId, kind, text) in rows)
        {
            LogAlert(messageId, kind ?? "", text ?? "");
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rows.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ALERT {Kind} (outbox {MessageId}): {Text}")]
    private partial void LogAlert(long messageId, string kind, string text);
}
