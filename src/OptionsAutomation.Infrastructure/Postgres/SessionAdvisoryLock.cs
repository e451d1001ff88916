using Dapper;
using Npgsql;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// A Postgres session advisory lock held on its own connection until disposed: the way one of several workers
/// on a database becomes the only one doing something (polling Telegram). If the process dies, the connection
/// closes and the lock is released with it.
/// </summary>
public sealed class SessionAdvisoryLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly string _name;

    private SessionAdvisoryLock(NpgsqlConnection connection, string name)
    {
        _connection = connection;
        _name = name;
    }

    /// <summary>The connection holding the lock, for work that must run on the locking session.</summary>
    public NpgsqlConnection Connection => _connection;

    /// <summary>The lock, or null at once when another session holds it.</summary>
    public static async Task<SessionAdvisoryLock?> TryAcquireAsync(NpgsqlDataSource dataSource, string name, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var acquired = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT pg_try_advisory_lock(hashtextextended(@name, 0))", new { name }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (acquired)
            {
                return new SessionAdvisoryLock(connection, name);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Throws when the lock's connection is gone — and with it the lock, which another worker may hold by now. Call it
    /// before each piece of work done under the lock: an idle connection can drop (a server restart, a timeout) unseen.
    /// </summary>
    public Task EnsureHeldAsync(CancellationToken cancellationToken) =>
        _connection.ExecuteAsync(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _connection.ExecuteAsync("SELECT pg_advisory_unlock(hashtextextended(@name, 0))", new { name = _name }).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The connection is gone, and the lock with it.
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
