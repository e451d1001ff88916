using Dapper;
using Npgsql;

namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// The last update_id handled, per bot, in <c>telegram_poll_state</c>. Recorded after each update, so a restart
/// asks Telegram for the next one: nothing handled is replayed and nothing unhandled is confirmed away.
/// </summary>
public sealed class TelegramPollOffsets(NpgsqlDataSource dataSource)
{
    public async Task<long?> LastHandledAsync(long botId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT last_update_id FROM telegram_poll_state WHERE bot_id = @botId", new { botId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Never moves backwards: an older id (a stale second poller) leaves the stored one.</summary>
    public async Task RecordHandledAsync(long botId, long updateId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO telegram_poll_state (bot_id, last_update_id, updated_at) VALUES (@botId, @updateId, @Now)
            ON CONFLICT (bot_id) DO UPDATE SET last_update_id = greatest(telegram_poll_state.last_update_id, excluded.last_update_id),
                                               updated_at = excluded.updated_at
            """,
            new { botId, updateId, Now = now.ToUniversalTime() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
