using Microsoft.Extensions.Logging;

namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// The Bot API methods the bot uses, typed. Our own because the Telegram.Bot package is not available here.
/// Sending methods (sendMessage, edit*) are rate-limited per chat and overall; every call is retried as
/// <see cref="TelegramApi"/> describes and fails with <see cref="TelegramApiException"/> when Telegram refuses.
/// </summary>
public sealed class TelegramBotClient(HttpClient http, TelegramSettings settings, TimeProvider clock, ILogger<TelegramBotClient> logger)
{
    /// <summary>Messages are formatted as HTML: callers escape &lt;, &gt; and &amp; in the text they insert.</summary>
    public const string ParseMode = "HTML";

    private readonly TelegramApi _api = new(http, settings, clock, logger);

    /// <summary>The bot itself; at start-up this proves the token (a wrong one is a 401 <see cref="TelegramApiException"/>).</summary>
    public Task<User> GetMeAsync(CancellationToken cancellationToken) =>
        _api.CallAsync<NoParameters, User>("getMe", new(), null, TimeSpan.Zero, cancellationToken);

    /// <summary>getUpdates refuses to run while a webhook is set, so polling starts by removing it.</summary>
    public Task<bool> DeleteWebhookAsync(bool dropPendingUpdates, CancellationToken cancellationToken) =>
        _api.CallAsync<DeleteWebhookRequest, bool>("deleteWebhook", new(dropPendingUpdates), null, TimeSpan.Zero, cancellationToken);

    /// <summary>
    /// Long polling: updates with an id of at least <paramref name="offset"/> (which confirms everything before
    /// it), waiting up to <paramref name="timeoutSeconds"/> for one to arrive.
    /// </summary>
    public Task<IReadOnlyList<Update>> GetUpdatesAsync(
        long? offset, int timeoutSeconds, IReadOnlyList<string> allowedUpdates, CancellationToken cancellationToken) =>
        _api.CallAsync<GetUpdatesRequest, IReadOnlyList<Update>>(
            "getUpdates", new(offset, timeoutSeconds, allowedUpdates), null, TimeSpan.FromSeconds(timeoutSeconds), cancellationToken);

    /// <summary>Posts an HTML message, optionally with buttons; <paramref name="silent"/> sends it without a sound.</summary>
    public Task<Message> SendMessageAsync(
        long chatId, string text, InlineKeyboardMarkup? keyboard, bool silent, CancellationToken cancellationToken) =>
        _api.CallAsync<SendMessageRequest, Message>(
            "sendMessage", new(chatId, text, ParseMode, keyboard, silent ? true : null), chatId, TimeSpan.Zero, cancellationToken);

    /// <summary>Replaces a message's text; a null <paramref name="keyboard"/> removes its buttons.</summary>
    public Task<Message> EditMessageTextAsync(
        long chatId, long messageId, string text, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken) =>
        _api.CallAsync<EditMessageTextRequest, Message>(
            "editMessageText", new(chatId, messageId, text, ParseMode, keyboard), chatId, TimeSpan.Zero, cancellationToken);

    /// <summary>Replaces a message's buttons; a null <paramref name="keyboard"/> removes them.</summary>
    public Task<Message> EditMessageReplyMarkupAsync(
        long chatId, long messageId, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken) =>
        _api.CallAsync<EditMessageReplyMarkupRequest, Message>(
            "editMessageReplyMarkup", new(chatId, messageId, keyboard), chatId, TimeSpan.Zero, cancellationToken);

    /// <summary>Stops the button's spinner, showing <paramref name="text"/> as a toast (or an alert box).</summary>
    public Task<bool> AnswerCallbackQueryAsync(
        string callbackQueryId, string? text, bool showAlert, CancellationToken cancellationToken) =>
        _api.CallAsync<AnswerCallbackQueryRequest, bool>(
            "answerCallbackQuery", new(callbackQueryId, text, showAlert ? true : null), null, TimeSpan.Zero, cancellationToken);

    /// <summary>Sets the command menu shown in clients.</summary>
    public Task<bool> SetMyCommandsAsync(IReadOnlyList<BotCommand> commands, CancellationToken cancellationToken) =>
        _api.CallAsync<SetMyCommandsRequest, bool>("setMyCommands", new(commands), null, TimeSpan.Zero, cancellationToken);
}
