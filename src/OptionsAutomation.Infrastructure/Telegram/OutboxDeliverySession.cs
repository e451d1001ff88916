using Dapper;
using Npgsql;
using OptionsAutomation.Infrastructure.Outbox;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// The outbox as the one sender sees it: a connection holding a session advisory lock, so only one process
/// delivers at a time (two senders would race each other's rows and break the order per chat), and the reads
/// and writes of a delivery on that connection.
/// </summary>
internal sealed class OutboxDeliverySession : IAsyncDisposable
{
    // Fixed and distinct from MigrationRunner's key: every optauto process delivers under this one.
    // One sender across processes: the holder of this lock, on whose connection the session's queries run.
    private const string LockName = "optauto:outbox-delivery";

    private readonly SessionAdvisoryLock _lock;

    static OutboxDeliverySession() => DapperConventions.Apply();

    private OutboxDeliverySession(SessionAdvisoryLock held) => _lock = held;

    private NpgsqlConnection Connection => _lock.Connection;

    /// <summary>The session, or null when another sender holds the lock (it delivers; this caller has nothing to do).</summary>
    public static async Task<OutboxDeliverySession?> TryOpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        await SessionAdvisoryLock.TryAcquireAsync(dataSource, LockName, cancellationToken).ConfigureAwait(false) is { } held
            ? new OutboxDeliverySession(held)
            : null;

    /// <summary>The oldest alert row not yet settled, due or not: the caller must not pass it to keep the order (other channels, such as webhook posts, have their own senders).</summary>
    public async Task<PendingMessage?> NextAsync(CancellationToken cancellationToken)
    {
        var row = await Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT message_id, payload->>'kind' AS kind, payload->>'text' AS text, payload->>'request_id' AS request_id,
                   (payload->>'adjustment_id')::bigint AS adjustment_id, (payload->>'position_id')::bigint AS position_id, photo,
                   attempts, available_at, created_at
            FROM outbox
            WHERE delivered_at IS NULL AND delivery IS NULL AND channel = @AlertChannel
            ORDER BY message_id
            LIMIT 1
            """,
            new { OutboxWriter.AlertChannel }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : new PendingMessage(row.MessageId, row.Kind ?? "", row.Text ?? "", row.RequestId, row.Attempts, RowTime.Utc(row.AvailableAt),
            RowTime.Utc(row.CreatedAt), row.AdjustmentId, row.Photo, row.PositionId);
    }

    public Task<PostedProposal?> FindPostedAsync(string requestId, CancellationToken cancellationToken) =>
        Connection.QuerySingleOrDefaultAsync<PostedProposal?>(new CommandDefinition(
            "SELECT request_id AS RequestId, chat_id AS ChatId, message_id AS MessageId FROM telegram_proposal_messages WHERE request_id = @requestId",
            new { requestId }, cancellationToken: cancellationToken));

    /// <summary>
    /// Marks the row delivered (<paramref name="delivery"/> sent, silent or off) and records the chat message it went out
    /// as (when the row names a position or proposal) and, for a proposal card, where it was posted, in one transaction:
    /// a message is never on record without its row settled.
    /// </summary>
    public async Task SettleAsync(PendingMessage message, string delivery, SentMessage? sent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (sent?.Posted is { } posted && message.HasTarget)
        {
            await Connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO telegram_sent_messages (chat_id, message_id, outbox_message_id, sent_at)
                VALUES (@ChatId, @ChatMessageId, @MessageId, @Now)
                ON CONFLICT (chat_id, message_id) DO NOTHING
                """,
                new { ChatId = posted.Chat.Id, ChatMessageId = posted.MessageId, message.MessageId, Now = now.ToUniversalTime() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        if (sent?.Card is { } card)
        {
            // A card posted again (after a crash before this commit) replaces the first: outcomes go to the newest.
            await Connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO telegram_proposal_messages (request_id, chat_id, message_id, posted_at)
                VALUES (@RequestId, @ChatId, @MessageId, @Now)
                ON CONFLICT (request_id) DO UPDATE SET chat_id = excluded.chat_id, message_id = excluded.message_id, posted_at = excluded.posted_at
                """,
                new { card.RequestId, card.ChatId, card.MessageId, Now = now.ToUniversalTime() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE outbox SET delivery = @delivery, delivered_at = @Now, last_error = NULL,
                attempts = attempts + CASE WHEN @delivery = @Off THEN 0 ELSE 1 END
            WHERE message_id = @MessageId
            """,
            new { delivery, DeliveryCodes.Off, message.MessageId, Now = now.ToUniversalTime() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Telegram refused the row for good: it is settled as failed, never sent again.</summary>
    public Task FailAsync(PendingMessage message, string error, CancellationToken cancellationToken) =>
        Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET delivery = @Failed, attempts = attempts + 1, last_error = @error WHERE message_id = @MessageId",
            new { DeliveryCodes.Failed, error, message.MessageId }, cancellationToken: cancellationToken));

    /// <summary>The attempt failed but may succeed later: the row (and every row after it) waits until <paramref name="retryAt"/>.</summary>
    public Task PostponeAsync(PendingMessage message, string error, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET attempts = attempts + 1, last_error = @error, available_at = @RetryAt WHERE message_id = @MessageId",
            new { error, RetryAt = retryAt.ToUniversalTime(), message.MessageId }, cancellationToken: cancellationToken));

    public ValueTask DisposeAsync() => _lock.DisposeAsync();

    private sealed class Row
    {
        public long MessageId { get; set; }
        public string? Kind { get; set; }
        public string? Text { get; set; }
        public string? RequestId { get; set; }
        public long? AdjustmentId { get; set; }
        public byte[]? Photo { get; set; }
        public long? PositionId { get; set; }
        public int Attempts { get; set; }
        public DateTime AvailableAt { get; set; }
        public DateTime CreatedAt { get; set; }
    }
}
