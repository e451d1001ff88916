namespace OptionsAutomation.Infrastructure.Telegram;

// Request bodies of the methods we call, field for field as the Bot API names them. Null fields are left out.

internal sealed record NoParameters;

internal sealed record DeleteWebhookRequest(bool DropPendingUpdates);

internal sealed record GetUpdatesRequest(long? Offset, int Timeout, IReadOnlyList<string> AllowedUpdates);

internal sealed record SendMessageRequest(
    long ChatId, string Text, string ParseMode, InlineKeyboardMarkup? ReplyMarkup, bool? DisableNotification);

internal sealed record EditMessageTextRequest(long ChatId, long MessageId, string Text, string ParseMode, InlineKeyboardMarkup? ReplyMarkup);

internal sealed record EditMessageReplyMarkupRequest(long ChatId, long MessageId, InlineKeyboardMarkup? ReplyMarkup);

internal sealed record AnswerCallbackQueryRequest(string CallbackQueryId, string? Text, bool? ShowAlert);

internal sealed record SetMyCommandsRequest(IReadOnlyList<BotCommand> Commands);
