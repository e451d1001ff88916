using System.Text.Json;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>Updates as Telegram sends them: a button press on a message, or a text message.</summary>
internal static class BotUpdates
{
    public static string Press(long updateId, long userId, string data, long chatId, long messageId, string? username = null) =>
        $$"""
        {"update_id":{{updateId}},"callback_query":{"id":"cb{{updateId}}","from":{{User(userId, username)}},"chat_instance":"42",
         "message":{"message_id":{{messageId}},"date":1614632400,"chat":{"id":{{chatId}},"type":"supergroup"},"text":"card"},
         "data":{{JsonSerializer.Serialize(data)}}} }
        """;

    public static string Text(long updateId, long userId, string text, long chatId, string? username = null) =>
        $$"""
        {"update_id":{{updateId}},"message":{"message_id":{{5000 + updateId}},"date":1614632400,"from":{{User(userId, username)}},
         "chat":{"id":{{chatId}},"type":"supergroup"},"text":{{JsonSerializer.Serialize(text)}}} }
        """;

    private static string User(long id, string? username) =>
        $$"""{"id":{{id}},"is_bot":false,"first_name":"U{{id}}"{{(username is null ? "" : $",\"username\":\"{username}\"")}}}""";
}
