using System.Globalization;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Adjustments;
using OptionsAutomation.Core.Trading.Journal;
using OptionsAutomation.Infrastructure.Telegram;
using OptionsAutomation.Integration.Tests.Adjustments;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>
/// A recommendation's card end to end, under the proposal card's rules: posted from the outbox with signed buttons on a
/// loopback Bot API server, pressed in updates, the worker's own composition acting (its roll executor is the
/// composition's, the paper broker closes) and refusals answered and audited.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AdjustmentButtonTests(PostgresServer server) : BotTestBase(server)
{
    [Fact]
    public async Task FromTheOutbox_ARollCardIsPostedWithRollCloseIgnore_SignedForItsId()
    {
        var (adjustment, position) = await SeedAsync(AdjustmentKind.Roll);

        await Worker.Get<OutboxDelivery>().DeliverDueAsync(CancellationToken.None);

        var card = Assert.Single(Api.Calls("sendMessage"), c => c.Body.GetProperty("text").GetString()!.StartsWith("<b>Adjustment", StringComparison.Ordinal)).Body;
        Assert.Equal(
            $"<b>Adjustment {adjustment.Id}: ROLL to 2021-05-21 370.00 for a net credit ≥ 5.36</b>\n" +
            $"Position {position.PositionId} — SPY CSP × {position.Quantity}, short 370.00 put, 18 DTE\n" +
            "Risk 64/100 — HIGH\n" +
            "Short put delta 0.55 · spot 368.00 (0.5% below the strike) · loss 1% of max · mark 6.00\n" +
            "Roll: close at 3.69, open at 9.05 (natural) — net credit at least 5.36 (5.41 at mid)",
            card.GetProperty("text").GetString());
        var buttons = card.GetProperty("reply_markup").GetProperty("inline_keyboard")[0];
        var callbacks = Worker.Get<CallbackData>();
        var id = adjustment.Id.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(
            [("🔁 Roll", callbacks.Sign(CallbackAction.ApproveAdjustment, id)), ("✖️ Close", callbacks.Sign(CallbackAction.CloseInstead, id)), ("🙈 Ignore", callbacks.Sign(CallbackAction.IgnoreAdjustment, id))],
            buttons.EnumerateArray().Select(b => (b.GetProperty("text").GetString()!, (string?)b.GetProperty("callback_data").GetString())));
        Assert.StartsWith($"d|{id}|", buttons[0].GetProperty("callback_data").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollTap_FromAnApprover_RollsThroughTheRollService_AndShowsTheNewPositionWithoutButtons()
    {
        var (adjustment, position) = await SeedAsync(AdjustmentKind.Roll);
        var card = await PostAsync(adjustment);

        await PressAsync(CallbackAction.ApproveAdjustment, adjustment, BotHarness.Alice, card, "alice");

        var stored = (await Worker.Get<IAdjustmentStore>().FindAsync(adjustment.Id, CancellationToken.None))!;
        Assert.Equal((AdjustmentStatus.Executed, "telegram:111 (@alice)"), (stored.Status, stored.DecidedBy));
        var rolledTo = await ScalarAsync("SELECT position_id FROM positions WHERE status = 'OPEN' AND expiration = '2021-05-21' AND short_strike = 370");
        Assert.Equal($"rolled by order roll-{adjustment.Id}: position {rolledTo} opened at 2021-05-21", stored.Outcome);
        Assert.Equal(1, await Db.CountAsync("positions", $"position_id = {position.PositionId} AND status = 'CLOSED' AND exit_reason = 'roll'"));
        Assert.Equal(1, await Db.CountAsync("orders", $"client_order_id = 'roll-{adjustment.Id}' AND intent = 'ROLL' AND status = 'FILLED'"));
        Assert.Equal("Approving…", Assert.Single(Api.Calls("answerCallbackQuery")).Body.GetProperty("text").GetString());
        var edit = Assert.Single(Api.Calls("editMessageText")).Body;
        Assert.EndsWith($"<b>EXECUTED</b> — EXECUTED by telegram:111 (@alice): {stored.Outcome}", edit.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(edit.TryGetProperty("reply_markup", out _));
        Assert.Equal(1, await Db.CountAsync("audit_events", $"event_type = 'adjustment.approved' AND actor = 'telegram:111 (@alice)' AND entity_id = '{adjustment.Id}'"));
    }

    [Fact]
    public async Task CloseTap_OnARollCard_ClosesThePositionForReasonAdjustment()
    {
        var (adjustment, position) = await SeedAsync(AdjustmentKind.Roll);
        var card = await PostAsync(adjustment);

        await PressAsync(CallbackAction.CloseInstead, adjustment, BotHarness.Alice, card, "alice");

        var stored = (await Worker.Get<IAdjustmentStore>().FindAsync(adjustment.Id, CancellationToken.None))!;
        Assert.Equal((AdjustmentStatus.Executed, AdjustmentKind.Close, null), (stored.Status, stored.Kind, stored.Roll));
        Assert.Equal(1, await Db.CountAsync("positions", $"position_id = {position.PositionId} AND status = 'CLOSED' AND exit_reason = 'adjustment'"));
        Assert.Equal(1, await Db.CountAsync("audit_events", $"event_type = 'adjustment.approved' AND data->'details'->>'outcome' = 'approved as a CLOSE instead of the recommended ROLL'"));
    }

    [Fact]
    public async Task IgnoreTap_IgnoresIt_AndSendsNothing()
    {
        var (adjustment, _) = await SeedAsync(AdjustmentKind.Close);
        var card = await PostAsync(adjustment);

        await PressAsync(CallbackAction.IgnoreAdjustment, adjustment, BotHarness.Alice, card, "alice");

        Assert.Equal(1, await Db.CountAsync("adjustments", $"id = {adjustment.Id} AND status = 'IGNORED' AND decided_by = 'telegram:111 (@alice)' AND outcome = 'ignored in Telegram'"));
        Assert.Equal(1, await Db.CountAsync("orders"));
    }

    [Fact]
    public async Task ATapFromSomeoneNotAnApprover_ExecutesNothing_IsAnsweredNotAuthorized_AndAudited()
    {
        var (adjustment, _) = await SeedAsync(AdjustmentKind.Close);
        var card = await PostAsync(adjustment);

        await PressAsync(CallbackAction.ApproveAdjustment, adjustment, BotHarness.Mallory, card, "mallory");

        var answer = Assert.Single(Api.Calls("answerCallbackQuery")).Body;
        Assert.StartsWith("⛔ Not authorized", answer.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await Db.CountAsync("adjustments", "status = 'PENDING'"));
        Assert.Equal(1, await Db.CountAsync("orders"));
        Assert.Equal(1, await Db.CountAsync("audit_events", $"event_type = 'telegram.unauthorized' AND actor = 'telegram:666 (@mallory)' AND entity_id = '{adjustment.Id}'"));
        Assert.Empty(Api.Calls("editMessageText"));
    }

    [Theory]
    [InlineData("tag of another secret")]
    [InlineData("ignore's tag under the approve action")]
    [InlineData("unsigned")]
    public async Task ForgedOrUnsignedCallbackData_ExecutesNothing_AndIsAudited(string how)
    {
        var (adjustment, _) = await SeedAsync(AdjustmentKind.Close);
        var card = await PostAsync(adjustment);
        var id = adjustment.Id.ToString(CultureInfo.InvariantCulture);
        var data = how switch
        {
            "tag of another secret" => new CallbackData("another-secret-of-some-length").Sign(CallbackAction.ApproveAdjustment, id)!,
            "ignore's tag under the approve action" => "d" + Worker.Get<CallbackData>().Sign(CallbackAction.IgnoreAdjustment, id)![1..],
            _ => $"d|{id}",
        };
        Api.AddUpdate(BotUpdates.Press(NextUpdateId(), BotHarness.Alice, data, BotHarness.ChatId, card.MessageId));

        await Worker.Bot.PollOnceAsync(CancellationToken.None);

        Assert.Equal("⛔ This button is not valid.", Assert.Single(Api.Calls("answerCallbackQuery")).Body.GetProperty("text").GetString());
        Assert.Equal(1, await Db.CountAsync("adjustments", "status = 'PENDING'"));
        Assert.Equal(1, await Db.CountAsync("orders"));
        Assert.Equal(1, await Db.CountAsync("audit_events", "event_type = 'telegram.callback_refused' AND actor = 'telegram:111'"));
    }

    /// <summary>The SPY 370 put of 2021-03-01 opened through the paper broker, and a PENDING recommendation for it.</summary>
    private async Task<(Adjustment Adjustment, Position Position)> SeedAsync(AdjustmentKind kind)
    {
        var proposal = await Worker.ProposeAsync();
        await Worker.Get<ApprovalService>().ApproveAsync(proposal.RequestId, "test", CancellationToken.None);
        var position = Assert.Single(await Worker.Get<IPositionStore>().ListAsync(PositionStatusFilter.Open, null, CancellationToken.None));
        return (await AdjustmentSeed.PendingAsync(Worker.Get<ITradingJournal>(), position, kind, Worker.Clock.GetUtcNow()), position);
    }

    private Task<Message> PostAsync(Adjustment adjustment)
    {
        var card = Worker.Get<AdjustmentCard>();
        return Worker.Get<TelegramGateway>().SendMessageAsync(BotHarness.ChatId, card.Text(adjustment), card.Buttons(adjustment), silent: false, CancellationToken.None);
    }

    private async Task PressAsync(CallbackAction action, Adjustment adjustment, long from, Message card, string? username = null)
    {
        var data = Worker.Get<CallbackData>().Sign(action, adjustment.Id.ToString(CultureInfo.InvariantCulture))!;
        Api.AddUpdate(BotUpdates.Press(NextUpdateId(), from, data, BotHarness.ChatId, card.MessageId, username));
        Assert.Equal(1, await Worker.Bot.PollOnceAsync(CancellationToken.None));
    }
}
