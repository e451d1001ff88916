using Dapper;
using Npgsql;

namespace OptionsAutomation.Infrastructure.Audit;

/// <summary>
/// The highest <c>event_id</c> below which no event can still appear.
/// </summary>
/// <remarks>
/// Identity values are handed out when a row is inserted, not when its transaction commits: a transaction still
/// in flight may hold id 10 while id 11 is already committed and visible. Exporting 11 and moving past it would
/// skip 10 for ever. So the horizon is taken under <c>LOCK TABLE audit_events IN SHARE MODE</c>, which conflicts
/// with the ROW EXCLUSIVE lock every INSERT takes before it draws its id: the lock is granted only once every
/// transaction that drew an id has committed or rolled back, so every id up to the max seen then is final (a
/// missing one was rolled back), and ids drawn later are higher (the identity's CACHE is 1, the default: no session
/// holds a block of lower ids). The lock is released at once (nothing is read
/// under it but the max). Waiting for it queues new writers behind us, so the wait is bounded by a short
/// <c>lock_timeout</c>; on timeout (a long writer in flight) there is no horizon this time and the next tick
/// tries again. Chosen over xid arithmetic (an id can be drawn before its transaction has an xid) and over
/// re-scanning a window (a late id would land in a file after higher ones). The lock is taken through
/// <c>audit_events_share_lock()</c> (migration 0011), which runs as the table's owner: a SHARE lock needs UPDATE,
/// DELETE or TRUNCATE on the table, which the application role does not have on <c>audit_events</c>.
/// </remarks>
public sealed class AuditHorizon(NpgsqlDataSource dataSource)
{
    private const string LockNotAvailable = "55P03";

    /// <summary>The horizon when events after <paramref name="afterId"/> exist and the lock was had; otherwise null.</summary>
    public async Task<long?> AfterAsync(long afterId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // An idle system never takes the lock: only look for the horizon when something newer is visible.
        var latest = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT max(event_id) FROM audit_events", cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (latest is not { } visible || visible <= afterId)
        {
            return null;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SET LOCAL lock_timeout = '1s'; SELECT audit_events_share_lock()", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == LockNotAvailable)
        {
            return null;
        }

        // Read committed: this statement's snapshot is taken after the lock, so it sees every finished writer.
        var horizon = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT coalesce(max(event_id), 0) FROM audit_events", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return horizon;
    }
}
