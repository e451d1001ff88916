using Npgsql;
using OptionsAutomation.Infrastructure.Audit;

namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// Audit events that change nothing else — a refused button, an unauthorized user — each in its own
/// transaction; changes made through the services audit themselves in theirs.
/// </summary>
public sealed class TelegramAudit(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task RecordAsync(string eventType, ChatActor actor, string entityId, object data, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await AuditLog.AppendAsync(transaction, new AuditEvent(clock.GetUtcNow(), actor.Name, eventType, "telegram", entityId, null, null, data)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
