using System.Text.Json;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>Updates as Telegram sends them: a button press on a message, or a text message.</summary>
internal static class BotUpdates
{
    /// <summary>2021-03-01 21:00:00Z, the harness's clock: messages "just sent".</summary>
    public const long JustSent = 1614632400;

    public static string Press(long updateId, long userId, string data, long chatId, long messageId, string? username = null, long date = JustSent) =>
        $$"""
        {"update_id":{{updateId}},"callback_query":{"id":"cb{{updateId}}","from":{{User(userId, username)}},"chat_instance":"42",
         "message":{"message_id":{{messageId}},"date":{{date}},"chat":{"id":{{chatId}},"type":"supergroup"},"text":"card"},
         "data":{{JsonSerializer.Serialize(data)}}} }
        """;

    public static string Text(long updateId, long userId, string text, long chatId, string? username = null, long date = JustSent) =>
        $$"""
        {"update_id":{{updateId}},"message":{"message_id":{{5000 + updateId}},"date":{{date}},"from":{{User(userId, username)}},
         "chat":{"id":{{chatId}},"type":"supergroup"},"text":{{JsonSerializer.Serialize(text)}}} }
        """;

    /// <summary>A text message from a user answering the bot's message <paramref name="answeredId"/> (<c>reply_to_message</c>).</summary>
    public static string Reply(long updateId, long userId, string text, long chatId, long answeredId, long date = JustSent) =>
        $$"""
        {"update_id":{{updateId}},"message":{"message_id":{{5000 + updateId}},"date":{{date}},"from":{{User(userId, null)}},
         "chat":{"id":{{chatId}},"type":"supergroup"},"text":{{JsonSerializer.Serialize(text)}},
         "reply_to_message":{"message_id":{{answeredId}},"date":{{date - 60}},"from":{{BotApiServer.BotJson}},"chat":{"id":{{chatId}},"type":"supergroup"},"text":"card"} } }
        """;

    private static string User(long id, string? username) =>
        $$"""{"id":{{id}},"is_bot":false,"first_name":"U{{id}}"{{(username is null ? "" : $",\"username\":\"{username}\"")}}}""";
}
