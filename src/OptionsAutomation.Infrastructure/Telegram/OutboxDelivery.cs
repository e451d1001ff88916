using Microsoft.Extensions.Logging;
using Npgsql;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Adjustments;
using OptionsAutomation.Infrastructure.Outbox;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// Delivers the outbox to <c>Telegram:ChatId</c>, at least once and in <c>message_id</c> order. One sender at a
/// time across processes (<see cref="OutboxDeliverySession"/>). A row is marked right after Telegram accepted it,
/// so a crash between the two sends it again on the next run: at least once, never at most once. A transient
/// failure (429, 5xx, timeout, network, a wrong token) stops the run and holds back every later row until the
/// backoff has passed, so the chat never sees them out of order; a permanent refusal (400, 403) settles the row as
/// failed and the run moves on, since waiting would not change Telegram's answer. The dedup key already made
/// each event one row.
/// </summary>
public sealed partial class OutboxDelivery(
    TelegramGateway bot,
    TelegramSettings settings,
    ProposalCard cards,
    IProposalStore proposals,
    ApprovalService approvals,
    AdjustmentCard adjustmentCards,
    IAdjustmentStore adjustments,
    NpgsqlDataSource dataSource,
    TimeProvider clock,
    ILogger<OutboxDelivery> logger)
{
    /// <summary>Kinds that report a proposal's decision (<see cref="PostgresProposalStore"/>): edited into its card when it was posted.</summary>
    private static readonly HashSet<string> DecisionKinds = new(StringComparer.Ordinal)
    {
        "executed", "proposal_rejected", "proposal_expired", "proposal_failed",
    };


    private readonly long _chatId = settings.ChatId ?? throw new ArgumentException(
        $"{TelegramSettings.SectionName}:{nameof(TelegramSettings.ChatId)} is not set.", nameof(settings));

    /// <summary>
    /// Sends every due row, oldest first, and returns how many were settled (sent, silent, off or failed). Returns 0
    /// at once when another sender holds the lock.
    /// </summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var session = await OutboxDeliverySession.TryOpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return 0;
        }

        var settled = 0;
        // The oldest unsettled row decides: when it is not due (backing off), nothing after it may overtake it.
        while (await session.NextAsync(cancellationToken).ConfigureAwait(false) is { } message
               && message.AvailableAt <= clock.GetUtcNow()
               && await DeliverAsync(session, message, cancellationToken).ConfigureAwait(false))
        {
            settled++;
        }

        return settled;
    }

    /// <summary>Delivers one row; false when it failed transiently and the run must stop.</summary>
    private async Task<bool> DeliverAsync(OutboxDeliverySession session, PendingMessage message, CancellationToken cancellationToken)
    {
        // A backlog from before the bot was on (or from a long outage) is history, not news: it stays in the outbox
        // (optauto alerts list) but is not sent, so switching the bot on does not replay days of alerts into the chat.
        if (settings.MaxMessageAgeHours > 0 && clock.GetUtcNow() - message.CreatedAt > TimeSpan.FromHours(settings.MaxMessageAgeHours))
        {
            await session.FailAsync(message, $"not sent: queued more than {settings.MaxMessageAgeHours} h ago (Telegram:MaxMessageAgeHours)", cancellationToken).ConfigureAwait(false);
            return true;
        }

        var mode = settings.NotificationFor(message.Kind);
        if (mode == NotificationMode.Off)
        {
            await session.SettleAsync(message, DeliveryCodes.Off, null, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return true;
        }

        SentMessage sent;
        try
        {
            sent = await SendAsync(session, message, mode == NotificationMode.Silent, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsPermanent(e))
        {
            LogRefused(e, message.MessageId, message.Kind);
            await session.FailAsync(message, e.Message, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var retryAt = clock.GetUtcNow() + Backoff(message.Attempts + 1, e);
            LogPostponed(message.MessageId, message.Kind, retryAt, e.GetType().Name, e.Message);
            await session.PostponeAsync(message, $"{e.GetType().Name}: {e.Message}", retryAt, cancellationToken).ConfigureAwait(false);
            return false;
        }

        // Telegram has the message; a crash before this commit sends it again next time (at least once).
        var delivery = mode == NotificationMode.Silent ? DeliveryCodes.Silent : DeliveryCodes.Sent;
        await session.SettleAsync(message, delivery, sent, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Sends the row: the new chat message (none for an edit) and, for a proposal card, where it was posted.</summary>
    private async Task<SentMessage> SendAsync(OutboxDeliverySession session, PendingMessage message, bool silent, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case { Kind: Alert.ProposalKind, RequestId: { } requestId }:
                return await PostCardAsync(requestId, silent, cancellationToken).ConfigureAwait(false);
            case { Kind: Alert.AdjustmentKind, AdjustmentId: { } adjustmentId }:
                return new SentMessage(await PostAdjustmentAsync(adjustmentId, silent, cancellationToken).ConfigureAwait(false));
            case { RequestId: { } requestId } when DecisionKinds.Contains(message.Kind)
                && await session.FindPostedAsync(requestId, cancellationToken).ConfigureAwait(false) is { } card:
                await EditCardAsync(card, cancellationToken).ConfigureAwait(false);
                return new SentMessage(null);
            case { Photo: { } photo }:
                await PostPhotoAsync(photo, message.Text, silent, cancellationToken).ConfigureAwait(false);
                return new SentMessage(null);
            default:
                return new SentMessage(await bot.SendMessageAsync(_chatId, TelegramHtml.Escape(message.Text), null, silent, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>
    /// The picture with the text as its caption. A text over Telegram's caption limit goes as a caption-less photo
    /// followed by the text as a message, so the picture still comes first and nothing is cut. A transient failure of
    /// the second call sends both again on the retry: at least once, as every row.
    /// </summary>
    private async Task PostPhotoAsync(byte[] photo, string text, bool silent, CancellationToken cancellationToken)
    {
        var fits = text.Length <= TelegramGateway.MaxCaptionLength;
        await bot.SendPhotoAsync(_chatId, photo, fits && text.Length > 0 ? TelegramHtml.Escape(text) : null, silent, cancellationToken).ConfigureAwait(false);
        if (!fits)
        {
            await bot.SendMessageAsync(_chatId, TelegramHtml.Escape(text), null, silent, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A proposal still open gets its buttons; one decided before it went out shows the outcome instead.</summary>
    private async Task<SentMessage> PostCardAsync(string requestId, bool silent, CancellationToken cancellationToken)
    {
        var proposal = await proposals.FindAsync(requestId, cancellationToken).ConfigureAwait(false)
            ?? throw new ProposalNotFoundException(requestId);
        var sent = proposal.Status == ProposalStatus.Proposed
            ? await bot.SendMessageAsync(_chatId, cards.Text(proposal, clock.GetUtcNow()), cards.Buttons(proposal), silent, cancellationToken).ConfigureAwait(false)
            : await bot.SendMessageAsync(_chatId, await DecidedTextAsync(proposal, cancellationToken).ConfigureAwait(false), null, silent, cancellationToken).ConfigureAwait(false);
        return new SentMessage(sent, new PostedProposal(requestId, sent.Chat.Id, sent.MessageId));
    }

    /// <summary>
    /// A recommendation still PENDING gets its buttons; one decided before it went out shows how. Decisions taken later
    /// arrive as their own <c>adjustment_*</c> messages (the card is not edited), and a press on a decided card answers
    /// from what is stored.
    /// </summary>
    private async Task<Message> PostAdjustmentAsync(long id, bool silent, CancellationToken cancellationToken)
    {
        var adjustment = await adjustments.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new AdjustmentNotFoundException(id);
        var outcome = adjustment.Status == AdjustmentStatus.Pending ? null : adjustment.Outcome ?? adjustment.Status.ToString();
        return await bot.SendMessageAsync(_chatId, adjustmentCards.Text(adjustment, outcome), adjustmentCards.Buttons(adjustment), silent, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The card with its outcome and without buttons. Edits never ring, whatever the kind's mode. The button handler
    /// may have shown the same outcome already, which Telegram answers with "message is not modified": done either way.
    /// </summary>
    private async Task EditCardAsync(PostedProposal card, CancellationToken cancellationToken)
    {
        var proposal = await proposals.FindAsync(card.RequestId, cancellationToken).ConfigureAwait(false)
            ?? throw new ProposalNotFoundException(card.RequestId);
        var text = await DecidedTextAsync(proposal, cancellationToken).ConfigureAwait(false);
        try
        {
            await bot.EditMessageTextAsync(card.ChatId, card.MessageId, text, null, cancellationToken).ConfigureAwait(false);
        }
        catch (TelegramApiException e) when (e.IsMessageNotModified)
        {
        }
    }

    private async Task<string> DecidedTextAsync(TradeProposal proposal, CancellationToken cancellationToken)
    {
        var outcome = await approvals.CurrentAsync(proposal.RequestId, cancellationToken).ConfigureAwait(false);
        return cards.Text(proposal, clock.GetUtcNow(), outcome.Message);
    }

    // 400 (bad request) and 403 (blocked, kicked) will be refused again; a proposal or recommendation that does not exist cannot be posted.
    // 401/404 (a wrong token) are not: they hold the queue until the token is fixed rather than fail every row.
    private static bool IsPermanent(Exception e) =>
        e is TelegramApiException { ErrorCode: 400 or 403 } or ProposalNotFoundException or AdjustmentNotFoundException;

    /// <summary>Flood control says how long to wait; anything else takes the outbox's backoff.</summary>
    private static TimeSpan Backoff(int attempts, Exception e) =>
        e is TelegramApiException { RetryAfter: { } retryAfter } ? retryAfter : OutboxBackoff.After(attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} ({Kind}) refused by Telegram for good; marked failed")]
    private partial void LogRefused(Exception exception, long messageId, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Kind}) not delivered, retrying at {RetryAt:O}: {Error}: {Reason}")]
    private partial void LogPostponed(long messageId, string kind, DateTimeOffset retryAt, string error, string reason);
}
