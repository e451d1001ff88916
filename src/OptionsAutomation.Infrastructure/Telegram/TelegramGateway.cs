using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;
using InputFile = Telegram.Bot.Types.InputFile;

namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// The Bot API methods the bot uses, typed: our thin port over the Telegram.Bot library, which speaks the protocol.
/// Sending methods (sendMessage, edit*) are rate-limited per chat and overall; every call is retried as
/// <see cref="TelegramApi"/> describes and fails with <see cref="TelegramApiException"/> when Telegram refuses.
/// </summary>
public sealed class TelegramGateway(HttpClient http, TelegramSettings settings, TimeProvider clock, ILogger<TelegramGateway> logger)
{
    private readonly TelegramApi _api = new(http, settings, clock, logger);

    /// <summary>The bot itself; at start-up this proves the token (a wrong one is a 401 <see cref="TelegramApiException"/>).</summary>
    public async Task<User> GetMeAsync(CancellationToken cancellationToken) =>
        TelegramMapping.ToUser(await _api.CallAsync("getMe", (bot, token) => bot.GetMe(token), null, TimeSpan.Zero, cancellationToken).ConfigureAwait(false));

    /// <summary>getUpdates refuses to run while a webhook is set, so polling starts by removing it.</summary>
    public Task DeleteWebhookAsync(bool dropPendingUpdates, CancellationToken cancellationToken) =>
        _api.CallAsync("deleteWebhook", (bot, token) => bot.DeleteWebhook(dropPendingUpdates, token), cancellationToken);

    /// <summary>
    /// Long polling: updates with an id of at least <paramref name="offset"/> (which confirms everything before
    /// it), waiting up to <paramref name="timeoutSeconds"/> for one to arrive.
    /// </summary>
    public async Task<IReadOnlyList<Update>> GetUpdatesAsync(
        long? offset, int timeoutSeconds, IReadOnlyList<UpdateType> allowedUpdates, CancellationToken cancellationToken)
    {
        // The library counts update ids in int, as Telegram does (they stay below 2^31).
        var from = offset is { } o ? checked((int)o) : (int?)null;
        var updates = await _api.CallAsync(
            "getUpdates", (bot, token) => bot.GetUpdates(from, limit: null, timeoutSeconds, allowedUpdates, token), null, TimeSpan.FromSeconds(timeoutSeconds), cancellationToken)
            .ConfigureAwait(false);
        return [.. updates.Select(TelegramMapping.ToUpdate)];
    }

    /// <summary>Posts an HTML message, optionally with buttons; <paramref name="silent"/> sends it without a sound.</summary>
    public async Task<Message> SendMessageAsync(
        long chatId, string text, InlineKeyboardMarkup? keyboard, bool silent, CancellationToken cancellationToken) =>
        TelegramMapping.ToMessage(await _api.CallAsync(
            "sendMessage",
            (bot, token) => bot.SendMessage(chatId, text, ParseMode.Html, replyMarkup: TelegramMapping.ToMarkup(keyboard), disableNotification: silent, cancellationToken: token),
            chatId, TimeSpan.Zero, cancellationToken).ConfigureAwait(false));

    /// <summary>Telegram's limit on a photo's caption, counted after HTML parsing (the visible text).</summary>
    public const int MaxCaptionLength = 1024;

    /// <summary>
    /// Uploads a PNG (multipart/form-data, the photo as a file part named <c>card.png</c>) with an optional HTML
    /// caption of at most <see cref="MaxCaptionLength"/> visible characters. Each attempt uploads the bytes afresh.
    /// </summary>
    public async Task<Message> SendPhotoAsync(
        long chatId, ReadOnlyMemory<byte> png, string? caption, bool silent, CancellationToken cancellationToken) =>
        TelegramMapping.ToMessage(await _api.CallAsync(
            "sendPhoto",
            async (bot, token) =>
            {
                await using var upload = new MemoryStream(png.ToArray(), writable: false);
                return await bot.SendPhoto(chatId, InputFile.FromStream(upload, "card.png"), caption, ParseMode.Html, disableNotification: silent, cancellationToken: token).ConfigureAwait(false);
            },
            chatId, TimeSpan.Zero, cancellationToken).ConfigureAwait(false));

    /// <summary>Replaces a message's text; a null <paramref name="keyboard"/> removes its buttons.</summary>
    public async Task<Message> EditMessageTextAsync(
        long chatId, long messageId, string text, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken) =>
        TelegramMapping.ToMessage(await _api.CallAsync(
            "editMessageText",
            (bot, token) => bot.EditMessageText(chatId, checked((int)messageId), text, ParseMode.Html, TelegramMapping.ToMarkup(keyboard), cancellationToken: token),
            chatId, TimeSpan.Zero, cancellationToken).ConfigureAwait(false));

    /// <summary>Stops the button's spinner, showing <paramref name="text"/> as a toast (or an alert box).</summary>
    public Task AnswerCallbackQueryAsync(string callbackQueryId, string? text, bool showAlert, CancellationToken cancellationToken) =>
        _api.CallAsync("answerCallbackQuery", (bot, token) => bot.AnswerCallbackQuery(callbackQueryId, text, showAlert, cancellationToken: token), cancellationToken);

    /// <summary>Sets the command menu shown in clients.</summary>
    public Task SetMyCommandsAsync(IReadOnlyList<BotCommand> commands, CancellationToken cancellationToken) =>
        _api.CallAsync("setMyCommands", (bot, token) => bot.SetMyCommands(TelegramMapping.ToMenu(commands), cancellationToken: token), cancellationToken);
}
