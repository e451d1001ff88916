using Microsoft.Extensions.Logging;
using Npgsql;
using Telegram.Bot.Types.Enums;

namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// The bot's conversation with Telegram: <see cref="ConnectAsync"/> at start-up (getMe proves the token, the
/// webhook goes so long polling works, the command menu is set), then <see cref="PollOnceAsync"/> in a loop.
/// Updates are handled one at a time, in update_id order, and each is recorded as handled in Postgres before the
/// next: a restart resumes after the last one, and Telegram drops what the next getUpdates offset confirms.
/// </summary>
public sealed partial class TelegramBot(
    TelegramGateway client,
    TelegramSettings settings,
    TelegramPollOffsets offsets,
    ButtonPresses buttons,
    ChatCommands commands,
    TelegramPollStatus status,
    TimeProvider clock,
    ILogger<TelegramBot> logger)
{
    private static readonly IReadOnlyList<UpdateType> Wanted = [UpdateType.Message, UpdateType.CallbackQuery];

    private User? _me;

    /// <summary>Who the bot is; set by <see cref="ConnectAsync"/>.</summary>
    public User Me => _me ?? throw new InvalidOperationException("ConnectAsync has not run.");

    /// <summary>Whether <see cref="ConnectAsync"/> has succeeded (the worker may start before Telegram answers).</summary>
    public bool IsConnected => _me is not null;

    /// <exception cref="InvalidConfigurationException">when Telegram refuses the token.</exception>
    /// <exception cref="TelegramUnreachableException">when Telegram does not answer (an outage): start without it, retry.</exception>
    public async Task<User> ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            _me = await client.GetMeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TelegramApiException e) when (e.ErrorCode is 401 or 404)
        {
            throw new InvalidConfigurationException([$"Telegram refused {TelegramSettings.SectionName}:{nameof(TelegramSettings.BotToken)} ({e.ErrorCode} {e.Description}); get the token from @BotFather."]);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or TelegramApiException)
        {
            throw new TelegramUnreachableException(
                $"Telegram could not be reached at {settings.ApiBaseUrl} ({e.Message}); check {TelegramSettings.SectionName}:{nameof(TelegramSettings.ApiBaseUrl)} and the network.", e);
        }

        await client.DeleteWebhookAsync(dropPendingUpdates: false, cancellationToken).ConfigureAwait(false);
        await client.SetMyCommandsAsync(ChatCommands.Menu, cancellationToken).ConfigureAwait(false);
        status.Connected(_me);
        LogConnected(_me.Username ?? _me.FirstName, _me.Id, settings.ChatId ?? 0, settings.AllowedUserIds.Count);
        return _me;
    }

    /// <summary>One long poll: waits up to <c>Telegram:LongPollSeconds</c> for updates, handles them; returns how many.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var last = await offsets.LastHandledAsync(Me.Id, cancellationToken).ConfigureAwait(false);
        var updates = await client.GetUpdatesAsync(last + 1, settings.LongPollSeconds, Wanted, cancellationToken).ConfigureAwait(false);
        var handled = 0;
        foreach (var update in updates.Where(u => last is null || u.UpdateId > last).OrderBy(u => u.UpdateId))
        {
            await HandleAsync(update, cancellationToken).ConfigureAwait(false);
            await offsets.RecordHandledAsync(Me.Id, update.UpdateId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            handled++;
        }

        status.Polled(clock.GetUtcNow());
        return handled;
    }

    private async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        try
        {
            if (update.CallbackQuery is { } press)
            {
                await buttons.HandleAsync(press, cancellationToken).ConfigureAwait(false);
            }
            else if (update.Message is { Text: { } text } message && text.StartsWith('/'))
            {
                await commands.HandleAsync(message, Me.Username, cancellationToken).ConfigureAwait(false);
            }
            else if (update.Message is { Text: not null, ReplyTo.From: { } author } reply && author.Id == Me.Id)
            {
                // Only replies to the bot's own messages: in a group, people answering each other are not talking to it.
                await commands.HandleReplyAsync(reply, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not (OperationCanceledException or NpgsqlException { IsTransient: true }))
        {
            // Without the database nothing can be decided: a transient database failure leaves the update unrecorded,
            // so it is retried. Anything else (a constraint violation, a bug) would fail again the same way, so it is
            // logged and passed over rather than blocking every later update — a /halt among them — behind it.
            LogHandlingFailed(e, update.UpdateId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram bot @{bot} ({bot_id}) connected; posting to chat {chat_id}, {approvers} approver(s)")]
    private partial void LogConnected(string bot, long bot_id, long chat_id, int approvers);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram update {update_id} could not be handled; skipped")]
    private partial void LogHandlingFailed(Exception exception, long update_id);
}
