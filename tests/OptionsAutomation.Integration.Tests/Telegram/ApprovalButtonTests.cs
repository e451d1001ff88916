using System.Text.Json;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Infrastructure.Telegram;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>
/// The approval card end to end: the SPY 370 put proposed from the real 2021-03-01 chain, its buttons pressed in
/// updates served by a loopback Bot API server, the worker's own components executing through the paper broker
/// into Postgres.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ApprovalButtonTests(PostgresServer server) : BotTestBase(server)
{

    [Fact]
    public async Task ApproveTap_FromAnApprover_ExecutesOnce_EditsTheCardWithTheFill_AndRemovesTheButtons()
    {
        var proposal = await Worker.ProposeAsync();
        var card = await Worker.PostCardAsync(proposal);
        var buttons = Api.Calls("sendMessage").Single().Body.GetProperty("reply_markup").GetProperty("inline_keyboard")[0];
        Assert.Equal(["✅ Approve", "❌ Reject"], buttons.EnumerateArray().Select(b => b.GetProperty("text").GetString()));
        Api.AddUpdate(BotUpdates.Press(1, BotHarness.Alice, buttons[0].GetProperty("callback_data").GetString()!, BotHarness.ChatId, card.MessageId, "alice"));

        Assert.Equal(1, await Worker.Bot.PollOnceAsync(CancellationToken.None));

        var answer = Assert.Single(Api.Calls("answerCallbackQuery")).Body;
        Assert.Equal(("cb1", "Approving…"), (answer.GetProperty("callback_query_id").GetString(), answer.GetProperty("text").GetString()));
        var positionId = await ScalarAsync("SELECT position_id FROM positions WHERE request_id = 'prop-20210301-SPY-CSP' AND status = 'OPEN' AND entry_price = 3.67");
        Assert.Equal(1, await Db.CountAsync("trade_requests", $"status = 'EXECUTED' AND position_id = {positionId} AND decided_by = 'telegram:111 (@alice)'"));
        Assert.Equal(1, await Db.CountAsync("orders", "status = 'FILLED'"));
        var edit = Assert.Single(Api.Calls("editMessageText")).Body;
        Assert.Equal((BotHarness.ChatId, card.MessageId), (edit.GetProperty("chat_id").GetInt64(), edit.GetProperty("message_id").GetInt64()));
        Assert.Contains($"<b>✅ Executed</b> — executed: position {positionId} opened at a credit of 3.67", edit.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(edit.TryGetProperty("reply_markup", out _));
    }

    [Fact]
    public async Task FromOutboxToFill_TheCardIsPostedOnce_ApprovedByTap_AndTheExecutedAlertLeavesItAsShown()
    {
        var proposal = await Worker.ProposeAsync();
        var delivery = Worker.Get<OutboxDelivery>();
        await delivery.DeliverDueAsync(CancellationToken.None);
        var posted = Assert.Single(Api.Calls("sendMessage")).Body;
        var messageId = await ScalarAsync($"SELECT message_id FROM telegram_proposal_messages WHERE request_id = '{proposal.RequestId}'");
        var approve = posted.GetProperty("reply_markup").GetProperty("inline_keyboard")[0][0].GetProperty("callback_data").GetString()!;
        Api.AddUpdate(BotUpdates.Press(1, BotHarness.Alice, approve, BotHarness.ChatId, messageId, "alice"));

        await Worker.Bot.PollOnceAsync(CancellationToken.None);
        // Telegram answers an edit that changes nothing with 400 "message is not modified".
        Api.Script("editMessageText", BotApiReply.Error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same"));
        await delivery.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(1, await Db.CountAsync("positions", "status = 'OPEN'"));
        var edits = Api.Calls("editMessageText");
        Assert.Equal(2, edits.Count);
        Assert.Equal(edits[0].Body.GetProperty("text").GetString(), edits[1].Body.GetProperty("text").GetString());
        Assert.Equal(0, await Db.CountAsync("outbox", "delivered_at IS NULL"));
        Assert.Equal(0, await Db.CountAsync("outbox", "delivery = 'failed'"));
        Assert.Single(Api.Calls("sendMessage"));
    }

    [Fact]
    public async Task TheSameTapTwice_AndARedeliveredUpdate_ExecuteOnce()
    {
        var proposal = await Worker.ProposeAsync();
        var card = await Worker.PostCardAsync(proposal);
        var approve = Worker.Get<CallbackData>().Sign(CallbackAction.Approve, proposal.RequestId)!;
        Api.AddUpdate(BotUpdates.Press(1, BotHarness.Alice, approve, BotHarness.ChatId, card.MessageId));
        Api.AddUpdate(BotUpdates.Press(2, BotHarness.Alice, approve, BotHarness.ChatId, card.MessageId));
        Assert.Equal(2, await Worker.Bot.PollOnceAsync(CancellationToken.None));
        // Telegram redelivers update 2 when its confirmation was lost.
        Api.Script("getUpdates", BotApiReply.Ok($"[{BotUpdates.Press(2, BotHarness.Alice, approve, BotHarness.ChatId, card.MessageId)}]"));
        Assert.Equal(0, await Worker.Bot.PollOnceAsync(CancellationToken.None));

        Assert.Equal(1, await Db.CountAsync("orders"));
        Assert.Equal(1, await Db.CountAsync("positions"));
        Assert.Equal(2, Api.Calls("answerCallbackQuery").Count);
        Assert.Single(Api.Calls("editMessageText").Select(c => c.Body.GetProperty("text").GetString()).Distinct());
    }

    [Fact]
    public async Task ATapFromSomeoneNotAnApprover_ExecutesNothing_IsAnsweredNotAuthorized_AndAudited()
    {
        var proposal = await Worker.ProposeAsync();
        var card = await Worker.PostCardAsync(proposal);
        var approve = Worker.Get<CallbackData>().Sign(CallbackAction.Approve, proposal.RequestId)!;
        Api.AddUpdate(BotUpdates.Press(1, BotHarness.Mallory, approve, BotHarness.ChatId, card.MessageId, "mallory"));

        await Worker.Bot.PollOnceAsync(CancellationToken.None);

        var answer = Assert.Single(Api.Calls("answerCallbackQuery")).Body;
        Assert.StartsWith("⛔ Not authorized", answer.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(answer.GetProperty("show_alert").GetBoolean());
        Assert.Equal(0, await Db.CountAsync("orders"));
        Assert.Equal(1, await Db.CountAsync("trade_requests", "status = 'PROPOSED'"));
        Assert.Equal(1, await Db.CountAsync("audit_events", $"event_type = 'telegram.unauthorized' AND actor = 'telegram:666 (@mallory)' AND entity_id = '{proposal.RequestId}'"));
        Assert.Empty(Api.Calls("editMessageText"));
    }

    [Theory]
    [InlineData("tag of another secret")]
    [InlineData("id swapped under a valid tag")]
    [InlineData("action swapped under a valid tag")]
    [InlineData("not ours at all")]
    public async Task TamperedCallbackData_ExecutesNothing_AndIsAudited(string how)
    {
        var proposal = await Worker.ProposeAsync();
        var card = await Worker.PostCardAsync(proposal);
        var reject = Worker.Get<CallbackData>().Sign(CallbackAction.Reject, proposal.RequestId)!;
        var data = how switch
        {
            "tag of another secret" => new CallbackData("another-secret").Sign(CallbackAction.Approve, proposal.RequestId)!,
            "id swapped under a valid tag" => Worker.Get<CallbackData>().Sign(CallbackAction.Approve, "prop-20210301-SPY-VPC")!.Replace("prop-20210301-SPY-VPC", proposal.RequestId, StringComparison.Ordinal),
            "action swapped under a valid tag" => "a" + reject[1..],
            _ => "approve:" + proposal.RequestId,
        };
        Api.AddUpdate(BotUpdates.Press(1, BotHarness.Alice, data, BotHarness.ChatId, card.MessageId));

        await Worker.Bot.PollOnceAsync(CancellationToken.None);

        Assert.Equal("⛔ This button is not valid.", Assert.Single(Api.Calls("answerCallbackQuery")).Body.GetProperty("text").GetString());
        Assert.Equal(0, await Db.CountAsync("orders"));
        Assert.Equal(1, await Db.CountAsync("trade_requests", "status = 'PROPOSED'"));
        Assert.Equal(1, await Db.CountAsync("audit_events", "event_type = 'telegram.callback_refused' AND actor = 'telegram:111'"));
    }

    [Fact]
    public async Task RejectTap_RejectsWithWhoAndRemovesTheButtons()
    {
        var proposal = await Worker.ProposeAsync();
        var card = await Worker.PostCardAsync(proposal);
        Api.AddUpdate(BotUpdates.Press(1, BotHarness.Alice, Worker.Get<CallbackData>().Sign(CallbackAction.Reject, proposal.RequestId)!, BotHarness.ChatId, card.MessageId, "alice"));

        await Worker.Bot.PollOnceAsync(CancellationToken.None);

        Assert.Equal(1, await Db.CountAsync("trade_requests", "status = 'REJECTED' AND decided_by = 'telegram:111 (@alice)' AND decision_reason = 'rejected in Telegram'"));
        var edit = Assert.Single(Api.Calls("editMessageText")).Body;
        Assert.Contains("<b>❌ Rejected</b> — rejected by telegram:111 (@alice): rejected in Telegram", edit.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(edit.TryGetProperty("reply_markup", out _));
        Assert.Equal(0, await Db.CountAsync("orders"));
    }

    [Fact]
    public async Task ARestartMidStream_HandlesNoUpdateTwice_AndLosesNone()
    {
        Api.AddUpdate(BotUpdates.Text(1, BotHarness.Alice, "/halt testing", BotHarness.ChatId));
        Api.AddUpdate(BotUpdates.Text(2, BotHarness.Alice, "/resume", BotHarness.ChatId));
        Assert.Equal(2, await Worker.Bot.PollOnceAsync(CancellationToken.None));
        // The worker stops before its next getUpdates confirmed 1 and 2, so Telegram still holds them.
        await Worker.DisposeAsync();
        Api.AddUpdate(BotUpdates.Text(3, BotHarness.Alice, "/reduce", BotHarness.ChatId));
        Api.Script("getUpdates", BotApiReply.Ok($"[{BotUpdates.Text(1, BotHarness.Alice, "/halt testing", BotHarness.ChatId)},{BotUpdates.Text(2, BotHarness.Alice, "/resume", BotHarness.ChatId)},{BotUpdates.Text(3, BotHarness.Alice, "/reduce", BotHarness.ChatId)}]"));

        Worker = BotHarness.Start(Db, Api);
        await Worker.Bot.ConnectAsync(CancellationToken.None);
        Assert.Equal(1, await Worker.Bot.PollOnceAsync(CancellationToken.None));

        Assert.Equal(3, Api.Calls("getUpdates")[1].Body.GetProperty("offset").GetInt64());
        Assert.Equal(3, await Db.CountAsync("audit_events", "event_type = 'trading.state_changed' AND actor = 'telegram:111'"));
        Assert.Equal(["HALTED", "ACTIVE", "REDUCING"], await StatesAsync());
        Assert.Equal(3L, await ScalarAsync("SELECT last_update_id FROM telegram_poll_state WHERE bot_id = 123456"));
    }

    private async Task<List<string>> StatesAsync()
    {
        await using var command = Db.DataSource.CreateCommand("SELECT data->>'to' FROM audit_events WHERE event_type = 'trading.state_changed' ORDER BY event_id");
        await using var reader = await command.ExecuteReaderAsync();
        var states = new List<string>();
        while (await reader.ReadAsync())
        {
            states.Add(reader.GetString(0));
        }

        return states;
    }
}
