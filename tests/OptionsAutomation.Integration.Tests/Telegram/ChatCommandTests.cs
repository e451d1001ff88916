using System.Text.Json;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure;
using OptionsAutomation.Infrastructure.Telegram;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>Text commands through the worker's components: what is answered, what changes in Postgres.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ChatCommandTests(PostgresServer server) : BotTestBase(server)
{
    [Fact]
    public async Task Connect_RemovesTheWebhook_AndRegistersEveryCommand()
    {
        Assert.Single(Api.Calls("getMe"));
        Assert.False(Assert.Single(Api.Calls("deleteWebhook")).Flag("drop_pending_updates"));
        var menu = Assert.Single(Api.Calls("setMyCommands")).Body.GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("command").GetString()).ToList();
        Assert.Equal(["positions", "pnl", "metrics", "proposals", "approve", "reject", "close", "flatten", "note", "status", "halt", "reduce", "resume", "help"], menu);
    }

    [Fact]
    public async Task AWrongToken_IsAClearStartUpError()
    {
        Api.Script("getMe", BotApiReply.Error(401, "Unauthorized"));

        var error = await Assert.ThrowsAsync<InvalidConfigurationException>(() => Worker.Bot.ConnectAsync(CancellationToken.None));

        Assert.Equal("invalid configuration: Telegram refused Telegram:BotToken (401 Unauthorized); get the token from @BotFather.", error.Message);
    }

    [Fact]
    public async Task Close_AsksToConfirm_ThenClosesThroughTheExitPathWithReasonManual()
    {
        var proposal = await Worker.ProposeAsync();
        var executed = await Worker.Get<ApprovalService>().ApproveAsync(proposal.RequestId, "cli", CancellationToken.None);
        var positionId = executed.PositionId!.Value;

        var ask = await SayAsync($"/close {positionId}");

        Assert.Contains($"Close position #{positionId} — SPY CSP 370.00 put exp 2021-03-31 ×1", ask.GetProperty("text").GetString(), StringComparison.Ordinal);
        var buttons = ask.GetProperty("reply_markup").GetProperty("inline_keyboard")[0];
        Assert.Equal(1, await Db.CountAsync("positions", "status = 'OPEN'"));

        Api.AddUpdate(BotUpdates.Press(NextUpdateId(), BotHarness.Alice, buttons[0].GetProperty("callback_data").GetString()!, BotHarness.ChatId, 777));
        await Worker.Bot.PollOnceAsync(CancellationToken.None);

        Assert.Equal("Closing…", Api.Calls("answerCallbackQuery").Single().Body.GetProperty("text").GetString());
        Assert.Equal(1, await Db.CountAsync("positions", $"position_id = {positionId} AND status = 'CLOSED' AND exit_reason = 'manual'"));
        Assert.Equal(1, await Db.CountAsync("trade_history", $"position_id = {positionId} AND exit_reason = 'manual' AND executed_by = 'manual'"));
        Assert.Equal(1, await Db.CountAsync("orders", $"position_id = {positionId} AND status = 'FILLED' AND client_order_id LIKE 'close-%'"));
        Assert.Equal(1, await Db.CountAsync("audit_events", $"event_type = 'order.submitted' AND position_id = {positionId} AND actor = 'telegram:111'"));
        var edit = Api.Calls("editMessageText").Single().Body;
        Assert.Equal(777, edit.GetProperty("message_id").GetInt64());
        // Bought back at the 3.67 mid, where the price walk starts: (3.67 − 3.67) × 100 − 2 × $0.65 fees.
        Assert.Equal($"✅ Position {positionId} closed — SPY — manual — exit 3.67 — -$1.30", edit.GetProperty("text").GetString());

        // The exit alert reaches the chat from the outbox.
        await Worker.Get<OutboxDelivery>().DeliverDueAsync(CancellationToken.None);
        Assert.Contains(Api.Calls("sendMessage"), c => c.Body.GetProperty("text").GetString() == $"Position {positionId} exited — SPY CSP — manual — -$1.30 (-0.35%)");
        Assert.Equal(1, await Db.CountAsync("outbox", $"dedup_key = 'exit:{positionId}' AND delivery = 'sent'"));

        // A second confirm closes nothing more.
        Api.AddUpdate(BotUpdates.Press(NextUpdateId(), BotHarness.Alice, buttons[0].GetProperty("callback_data").GetString()!, BotHarness.ChatId, 777));
        await Worker.Bot.PollOnceAsync(CancellationToken.None);
        Assert.Equal(1, await Db.CountAsync("trade_history"));
        Assert.Equal($"⚠️ position {positionId} is CLOSED, not OPEN; nothing was changed.", Api.Calls("editMessageText").Last(c => c.Body.GetProperty("message_id").GetInt64() == 777).Body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task CloseCancelled_SendsNothing()
    {
        var proposal = await Worker.ProposeAsync();
        var positionId = (await Worker.Get<ApprovalService>().ApproveAsync(proposal.RequestId, "cli", CancellationToken.None)).PositionId!.Value;
        var ask = await SayAsync($"/close {positionId}");
        Api.AddUpdate(BotUpdates.Press(NextUpdateId(), BotHarness.Alice, ask.GetProperty("reply_markup").GetProperty("inline_keyboard")[0][1].GetProperty("callback_data").GetString()!, BotHarness.ChatId, 778));

        await Worker.Bot.PollOnceAsync(CancellationToken.None);

        Assert.Equal(1, await Db.CountAsync("positions", "status = 'OPEN'"));
        Assert.Equal(1, await Db.CountAsync("orders"));
        Assert.Equal($"Close of position {positionId} cancelled; nothing was sent.", Api.Calls("editMessageText").Single().Body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task ApproveAndRejectAsText_AreTheFallbackForButtons()
    {
        var proposal = await Worker.ProposeAsync();

        var missing = await SayAsync("/approve");
        var approved = await SayAsync($"/approve {proposal.RequestId}");

        Assert.Equal("⚠️ use /approve ID (see /proposals).", missing.GetProperty("text").GetString());
        Assert.StartsWith($"<b>{proposal.RequestId}</b> EXECUTED — executed: position ", approved.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await Db.CountAsync("trade_requests", "status = 'EXECUTED' AND decided_by = 'telegram:111'"));
        var rejectAfter = await SayAsync($"/reject {proposal.RequestId} changed my mind");
        Assert.Contains("EXECUTED", rejectAfter.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    /// <summary>/note writes a journal entry as the approver, on a proposal (at entry) or a position (while open), tag optional.</summary>
    [Fact]
    public async Task Note_WritesAJournalEntry_OnAProposalOrAPosition()
    {
        var proposal = await Worker.ProposeAsync();

        var onProposal = (await SayAsync($"/note {proposal.RequestId} #worried IV is low for this credit")).GetProperty("text").GetString();
        var executed = await Worker.Get<ApprovalService>().ApproveAsync(proposal.RequestId, "cli", CancellationToken.None);
        var onPosition = (await SayAsync($"/note {executed.PositionId} Holding; support at 365")).GetProperty("text").GetString();
        var missing = (await SayAsync("/note 42")).GetProperty("text").GetString();
        var badTag = (await SayAsync($"/note {executed.PositionId} #9 x")).GetProperty("text").GetString();

        Assert.StartsWith($"📝 Journal entry ", onProposal, StringComparison.Ordinal);
        Assert.EndsWith($"on proposal {proposal.RequestId} (worried): IV is low for this credit", onProposal, StringComparison.Ordinal);
        Assert.EndsWith($"on position #{executed.PositionId}: Holding; support at 365", onPosition, StringComparison.Ordinal);
        Assert.Equal("⚠️ use /note ID [#tag] text, e.g. /note 42 #worried VIX is climbing.", missing);
        Assert.StartsWith("⚠️ sentiment '9' is not a tag", badTag, StringComparison.Ordinal);
        Assert.Equal(1, await Db.CountAsync("journal_entries", $"request_id = '{proposal.RequestId}' AND phase = 'entry' AND source = 'telegram' AND created_by = 'telegram:111'"));
        Assert.Equal(1, await Db.CountAsync("journal_entries", $"position_id = {executed.PositionId} AND phase = 'during'"));
        Assert.Equal(2, await Db.CountAsync("audit_events", "event_type = 'journal_note_added' AND actor = 'telegram:111'"));
    }

    [Fact]
    public async Task ReadOnlyCommands_AnswerFromPostgres()
    {
        var proposal = await Worker.ProposeAsync();

        var pending = (await SayAsync("/proposals")).GetProperty("text").GetString();
        await Worker.Get<ApprovalService>().ApproveAsync(proposal.RequestId, "cli", CancellationToken.None);
        var positions = (await SayAsync("/positions@optauto_bot")).GetProperty("text").GetString();
        var pnl = (await SayAsync("/pnl 2021-03-01")).GetProperty("text").GetString();
        var badDate = (await SayAsync("/pnl yesterday")).GetProperty("text").GetString();
        var metrics = (await SayAsync("/metrics")).GetProperty("text").GetString();
        var status = (await SayAsync("/status")).GetProperty("text").GetString();
        var help = (await SayAsync("/whatever")).GetProperty("text").GetString();

        Assert.Contains("<code>prop-20210301-SPY-CSP</code> SPY CSP ×", pending, StringComparison.Ordinal);
        Assert.Contains("SPY CSP 370.00 put exp 2021-03-31", positions, StringComparison.Ordinal);
        Assert.Equal("No trades closed on 2021-03-01.", pnl);
        Assert.Equal("⚠️ 'yesterday' is not a date; use /pnl YYYY-MM-DD.", badDate);
        Assert.Equal("No closed trades yet.", metrics);
        Assert.Contains("<b>Trading ACTIVE</b>", status, StringComparison.Ordinal);
        Assert.Contains("Open positions 1", status, StringComparison.Ordinal);
        Assert.Contains("SPY: quote of 2021-03-01 16:00 ET", status, StringComparison.Ordinal);
        Assert.StartsWith("<b>Commands</b>\n/positions — ", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACommandSentWhileTheBotWasAway_IsNotRun_AndTheSenderIsTold()
    {
        Worker.Clock.Advance(TimeSpan.FromHours(3));

        var reply = await SayAsync("/resume");

        Assert.Equal("⌛ /resume was sent 180 min ago, while the bot was away: not run. Send it again if you still mean it.", reply.GetProperty("text").GetString());
        Assert.Equal(0, await Db.CountAsync("audit_events", "event_type = 'trading.state_changed'"));
    }

    [Fact]
    public async Task ACommandForAnotherBot_IsIgnored()
    {
        Api.AddUpdate(BotUpdates.Text(NextUpdateId(), BotHarness.Alice, "/halt@paper_bot", BotHarness.ChatId));

        Assert.Equal(1, await Worker.Bot.PollOnceAsync(CancellationToken.None));

        Assert.Empty(Api.Calls("sendMessage"));
        Assert.Equal(0, await Db.CountAsync("audit_events", "event_type = 'trading.state_changed'"));
    }

    [Fact]
    public async Task AClosePromptLeftInTheChat_CannotCloseLater()
    {
        var proposal = await Worker.ProposeAsync();
        var positionId = (await Worker.Get<ApprovalService>().ApproveAsync(proposal.RequestId, "cli", CancellationToken.None)).PositionId!.Value;
        var ask = await SayAsync($"/close {positionId}");
        Worker.Clock.Advance(TimeSpan.FromMinutes(30));
        var confirm = ask.GetProperty("reply_markup").GetProperty("inline_keyboard")[0][0].GetProperty("callback_data").GetString()!;
        Api.AddUpdate(BotUpdates.Press(NextUpdateId(), BotHarness.Alice, confirm, BotHarness.ChatId, 779));

        await Worker.Bot.PollOnceAsync(CancellationToken.None);

        Assert.Equal(1, await Db.CountAsync("positions", "status = 'OPEN'"));
        Assert.Equal(1, await Db.CountAsync("orders"));
        var answer = Api.Calls("answerCallbackQuery").Single().Body;
        Assert.Equal("This close prompt is 30 min old; send /close again to see the position now.", answer.GetProperty("text").GetString());
        Assert.Equal("⌛ This close prompt is 30 min old; send /close again to see the position now.", Api.Calls("editMessageText").Single().Body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task CommandsFromSomeoneNotAnApprover_ChangeNothing_AndAreAudited()
    {
        var reply = await SayAsync("/halt", BotHarness.Mallory);

        Assert.StartsWith("⛔ Not authorized", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await Db.CountAsync("audit_events", "event_type = 'trading.state_changed'"));
        Assert.Equal(1, await Db.CountAsync("audit_events", "event_type = 'telegram.unauthorized' AND entity_id = 'halt'"));
    }
}
