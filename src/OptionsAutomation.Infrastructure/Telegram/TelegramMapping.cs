using Lib = Telegram.Bot.Types;
using LibMarkup = Telegram.Bot.Types.ReplyMarkups;

namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>Copies between the library's Bot API objects and the port's records (<see cref="Update"/> and the rest).</summary>
internal static class TelegramMapping
{
    public static Update ToUpdate(Lib.Update update) =>
        new(update.Id, update.Message is { } m ? ToMessage(m) : null, update.CallbackQuery is { } q ? ToCallbackQuery(q) : null);

    /// <summary>An inaccessible message (too old to show) has a date of 0, which the library reads as the Unix epoch.</summary>
    public static Message ToMessage(Lib.Message message) => new(
        message.Id,
        new Chat(message.Chat.Id, ChatType(message.Chat.Type), message.Chat.Title, message.Chat.Username),
        message.Date <= DateTime.UnixEpoch ? 0 : new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc)).ToUnixTimeSeconds(),
        message.From is { } from ? ToUser(from) : null,
        message.Text,
        message.ReplyToMessage is { } answered ? ToMessage(answered) : null);

    public static User ToUser(Lib.User user) => new(user.Id, user.IsBot, user.FirstName, user.LastName, user.Username);

    public static LibMarkup.InlineKeyboardMarkup? ToMarkup(InlineKeyboardMarkup? keyboard) => keyboard is null
        ? null
        : new LibMarkup.InlineKeyboardMarkup(keyboard.InlineKeyboard.Select(row => row.Select(b => LibMarkup.InlineKeyboardButton.WithCallbackData(b.Text, b.CallbackData))));

    public static List<Lib.BotCommand> ToMenu(IReadOnlyList<BotCommand> commands) =>
        [.. commands.Select(c => new Lib.BotCommand(c.Command, c.Description))];

    private static CallbackQuery ToCallbackQuery(Lib.CallbackQuery query) =>
        new(query.Id, ToUser(query.From), query.ChatInstance, query.Message is { } m ? ToMessage(m) : null, query.Data);

    // The Bot API's names (private, group, supergroup, channel), as the port's Chat.Type documents them.
    private static string ChatType(Lib.Enums.ChatType type) => type switch
    {
        Lib.Enums.ChatType.Private => "private",
        Lib.Enums.ChatType.Group => "group",
        Lib.Enums.ChatType.Supergroup => "supergroup",
        Lib.Enums.ChatType.Channel => "channel",
        _ => type.ToString().ToLowerInvariant(),
    };
}
