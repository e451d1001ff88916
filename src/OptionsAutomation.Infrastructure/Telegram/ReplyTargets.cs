using System.Globalization;
using Dapper;
using Npgsql;

namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// What a chat message the bot sent was about, for a reply to it: the position or proposal its outbox row names
/// (<c>telegram_sent_messages</c>, migration 0030), or the proposal whose card it is (<c>telegram_proposal_messages</c>,
/// which also knows cards posted before 0030). A position wins over the proposal it came from.
/// </summary>
public sealed class ReplyTargets(NpgsqlDataSource dataSource)
{
    /// <summary>A position id or a request id as the journal takes them; null for a message that was about neither.</summary>
    public async Task<string?> OfAsync(long chatId, long messageId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var target = await connection.QueryFirstOrDefaultAsync<(long? PositionId, string? RequestId)?>(new CommandDefinition(
            """
            SELECT (o.payload->>'position_id')::bigint, o.payload->>'request_id'
            FROM telegram_sent_messages s JOIN outbox o ON o.message_id = s.outbox_message_id
            WHERE s.chat_id = @chatId AND s.message_id = @messageId
            UNION ALL
            SELECT NULL, request_id FROM telegram_proposal_messages WHERE chat_id = @chatId AND message_id = @messageId
            """,
            new { chatId, messageId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return target switch
        {
            { PositionId: { } position } => position.ToString(CultureInfo.InvariantCulture),
            { RequestId: { } requestId } => requestId,
            _ => null,
        };
    }
}
