using System.Text.Json;
using OptionsAutomation.Infrastructure.Telegram;
using Telegram.Bot.Types.Enums;

namespace OptionsAutomation.Integration.Tests.Telegram;

public sealed class TelegramGatewayTests : TelegramTestBase
{
    private static readonly InlineKeyboardMarkup ApproveReject = new(
        [[new InlineKeyboardButton("✅ Approve", "a:42:tag"), new InlineKeyboardButton("❌ Reject", "r:42:tag")]]);

    [Fact]
    public async Task GetMe_PostsToBotTokenSlashMethod_AndReturnsTheBot()
    {
        var bot = await Client().GetMeAsync(CancellationToken.None);

        Assert.Equal(new User(123456, true, "OptAuto", Username: "optauto_bot"), bot);
        var request = Assert.Single(Server.Requests);
        Assert.Equal($"/bot{BotApiServer.Token}/getMe", request.Path);
        Assert.Equal(JsonValueKind.Object, request.Body.ValueKind);
    }

    [Fact]
    public async Task GetMe_WithAWrongToken_ThrowsUnauthorizedNamingTheSettingAndDoesNotRetry()
    {
        var error = await Assert.ThrowsAsync<TelegramApiException>(() => Client(Settings("999:wrong-token")).GetMeAsync(CancellationToken.None));

        Assert.Equal(401, error.ErrorCode);
        Assert.Equal("Unauthorized", error.Description);
        Assert.Contains("Telegram:BotToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token", error.Message, StringComparison.Ordinal);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task SendMessage_SendsHtmlWithTheInlineKeyboard()
    {
        var sent = await Client().SendMessageAsync(ChatId, "<b>SPY</b> CSP 580", ApproveReject, silent: false, CancellationToken.None);

        Assert.Equal(ChatId, sent.Chat.Id);
        var body = Assert.Single(Server.Calls("sendMessage")).Body;
        Assert.Equal(ChatId, body.GetProperty("chat_id").GetInt64());
        Assert.Equal("<b>SPY</b> CSP 580", body.GetProperty("text").GetString());
        Assert.Equal("HTML", body.GetProperty("parse_mode").GetString(), ignoreCase: true); // Telegram reads the mode case-insensitively; the library sends "Html"
        Assert.False(body.TryGetProperty("disable_notification", out _));
        var row = body.GetProperty("reply_markup").GetProperty("inline_keyboard")[0];
        Assert.Equal(["✅ Approve", "❌ Reject"], row.EnumerateArray().Select(b => b.GetProperty("text").GetString()));
        Assert.Equal(["a:42:tag", "r:42:tag"], row.EnumerateArray().Select(b => b.GetProperty("callback_data").GetString()));
    }

    [Fact]
    public async Task EditsAnswersAndCommands_SendTheApisFieldNames()
    {
        var client = Client();

        await client.EditMessageTextAsync(ChatId, 7, "Executed", null, CancellationToken.None);
        await client.AnswerCallbackQueryAsync("cq-1", "Approving…", showAlert: false, CancellationToken.None);
        await client.SetMyCommandsAsync([new BotCommand("status", "Trading state and jobs")], CancellationToken.None);
        await client.DeleteWebhookAsync(dropPendingUpdates: false, CancellationToken.None);

        var edit = Assert.Single(Server.Calls("editMessageText")).Body;
        Assert.Equal(7, edit.GetProperty("message_id").GetInt64());
        Assert.Equal("HTML", edit.GetProperty("parse_mode").GetString(), ignoreCase: true); // Telegram reads the mode case-insensitively; the library sends "Html"
        Assert.False(edit.TryGetProperty("reply_markup", out _)); // no markup: the buttons go
        var answer = Assert.Single(Server.Calls("answerCallbackQuery")).Body;
        Assert.Equal("cq-1", answer.GetProperty("callback_query_id").GetString());
        Assert.Equal("Approving…", answer.GetProperty("text").GetString());
        var command = Assert.Single(Server.Calls("setMyCommands")).Body.GetProperty("commands")[0];
        Assert.Equal("status", command.GetProperty("command").GetString());
        Assert.Equal("Trading state and jobs", command.GetProperty("description").GetString());
        Assert.False(Assert.Single(Server.Calls("deleteWebhook")).Flag("drop_pending_updates"));
    }

    [Fact]
    public async Task GetUpdates_SendsOffsetAndTimeout_AndParsesAMessageAndACallbackQuery()
    {
        Server.Script("getUpdates", BotApiReply.Ok($$"""
            [
              {"update_id":500,"message":{"message_id":11,"date":1767225600,"chat":{"id":777,"type":"private","username":"ann"},
                "from":{"id":777,"is_bot":false,"first_name":"Ann","language_code":"en"},"text":"/status"} },
              {"update_id":501,"callback_query":{"id":"cq-9","chat_instance":"ci","data":"a:42:tag",
                "from":{"id":777,"is_bot":false,"first_name":"Ann"},
                "message":{"message_id":12,"date":1767225601,"chat":{"id":{{ChatId}},"type":"supergroup","title":"Trades"},"text":"SPY CSP"} } }
            ]
            """));

        var updates = await Client().GetUpdatesAsync(500, 25, [UpdateType.Message, UpdateType.CallbackQuery], CancellationToken.None);

        Assert.Equal(2, updates.Count);
        var message = updates[0].Message!;
        Assert.Equal((500, "/status", 777L, 777L), (updates[0].UpdateId, message.Text, message.From!.Id, message.Chat.Id));
        Assert.Null(updates[0].CallbackQuery);
        var press = updates[1].CallbackQuery!;
        Assert.Equal(("cq-9", "a:42:tag", 777L), (press.Id, press.Data, press.From.Id));
        Assert.Equal((12L, ChatId), (press.Message!.MessageId, press.Message.Chat.Id));
        var body = Assert.Single(Server.Requests).Body;
        Assert.Equal(500, body.GetProperty("offset").GetInt64());
        Assert.Equal(25, body.GetProperty("timeout").GetInt32());
        Assert.Equal(["message", "callback_query"], body.GetProperty("allowed_updates").EnumerateArray().Select(u => u.GetString()));
    }

    [Fact]
    public async Task GetUpdates_KeepsEachMessagesDate_AndReadsAnInaccessibleMessageAsDateZero()
    {
        Server.Script("getUpdates", BotApiReply.Ok($$"""
            [
              {"update_id":600,"message":{"message_id":21,"date":1767225600,"chat":{"id":777,"type":"private"},
                "from":{"id":777,"is_bot":false,"first_name":"Ann"},"text":"/halt"} },
              {"update_id":601,"callback_query":{"id":"cq-10","chat_instance":"ci","data":"a:42:tag",
                "from":{"id":777,"is_bot":false,"first_name":"Ann"},
                "message":{"message_id":13,"date":0,"chat":{"id":{{ChatId}},"type":"supergroup"} } } }
            ]
            """));

        var updates = await Client().GetUpdatesAsync(600, 0, [UpdateType.Message, UpdateType.CallbackQuery], CancellationToken.None);

        Assert.Equal((1767225600L, "private"), (updates[0].Message!.Date, updates[0].Message!.Chat.Type));
        Assert.Equal((13L, 0L, "supergroup"), (updates[1].CallbackQuery!.Message!.MessageId, updates[1].CallbackQuery!.Message!.Date, updates[1].CallbackQuery!.Message!.Chat.Type));
    }

    [Fact]
    public void Client_WithAMalformedToken_IsRefusedNamingTheSettingWithoutTheToken()
    {
        using var http = new HttpClient();

        var error = Assert.Throws<ArgumentException>(() => new TelegramGateway(http, Settings("not-a-token-secret"), Clock, Log));

        Assert.Contains("Telegram:BotToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-token-secret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Client_WithoutAToken_IsRefused()
    {
        using var http = new HttpClient();

        Assert.Throws<ArgumentException>(() => new TelegramGateway(http, new TelegramSettings(), Clock, Log));
    }
}
