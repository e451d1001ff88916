using Npgsql;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Outbox;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>The outbox for an alert on its own, in a transaction of its own.</summary>
public sealed class PostgresAlertQueue(NpgsqlDataSource dataSource) : IAlertQueue
{
    public async Task EnqueueAsync(Alert alert, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await OutboxWriter.EnqueueAsync(transaction, alert, now).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
