using System.Text;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Infrastructure.Telegram;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>
/// Proposals through the outbox: the SPY 370 put proposed from the real 2021-03-01 chain is posted as a card with
/// signed buttons, and its decision is edited into that card.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ProposalCardDeliveryTests(PostgresServer postgres) : OutboxTestBase(postgres, Close)
{
    private const string RequestId = "prop-20210301-SPY-CSP";
    private const long CardMessageId = 4242;
    private static readonly DateTimeOffset Close = new(2021, 3, 1, 21, 0, 0, TimeSpan.Zero);

    // The card is posted as message 4242 of the chat.
    private static BotApiReply Posted => BotApiReply.Ok($$$"""{"message_id":{{{CardMessageId}}},"date":1614632400,"chat":{"id":{{{ChatId}}},"type":"supergroup"}}""");

    [Fact]
    public async Task NewProposal_IsPostedWithTwoSignedButtons_AndItsMessageRecorded()
    {
        var proposal = await ProposeAsync();
        Server.Script("sendMessage", Posted);

        await Delivery().DeliverDueAsync(CancellationToken.None);

        var sent = Assert.Single(Server.Calls("sendMessage")).Body;
        Assert.Equal(Card(Settings()).Text(proposal, Clock.GetUtcNow()), sent.GetProperty("text").GetString());
        var buttons = Assert.Single(sent.GetProperty("reply_markup").GetProperty("inline_keyboard").EnumerateArray()).EnumerateArray().ToList();
        Assert.Equal([ProposalCard.ApproveLabel, ProposalCard.RejectLabel], buttons.Select(b => b.GetProperty("text").GetString()));
        var callbacks = new CallbackData(Settings().CallbackSecret!);
        var data = buttons.Select(b => b.GetProperty("callback_data").GetString()!).ToList();
        Assert.All(data, d => Assert.InRange(Encoding.UTF8.GetByteCount(d), 1, CallbackData.MaxBytes));
        Assert.Equal(
            [new CallbackCommand(CallbackAction.Approve, RequestId), new CallbackCommand(CallbackAction.Reject, RequestId)],
            data.Select(callbacks.Verify));
        Assert.Equal(1, await Db.CountAsync("telegram_proposal_messages", $"request_id = '{RequestId}' AND chat_id = {ChatId} AND message_id = {CardMessageId}"));
        Assert.Equal("sent", (await RowAsync($"proposal:{RequestId}")).Delivery);
    }

    [Fact]
    public async Task ExpiredAfterPosting_EditsThePostedCard_ToTheOutcomeWithoutButtons()
    {
        await ProposeAsync();
        Server.Script("sendMessage", Posted);
        await Delivery().DeliverDueAsync(CancellationToken.None);

        Clock.Advance(TimeSpan.FromMinutes(31)); // past the approval window
        var expired = Assert.Single(await Db.Expiry().ExpireDueAsync(Clock.GetUtcNow(), CancellationToken.None));
        await Delivery().DeliverDueAsync(CancellationToken.None);

        var edit = Assert.Single(Server.Calls("editMessageText")).Body;
        Assert.Equal((ChatId, CardMessageId), (edit.GetProperty("chat_id").GetInt64(), edit.GetProperty("message_id").GetInt64()));
        Assert.Equal(Card(Settings()).Text(expired, Clock.GetUtcNow(), "expired; not executed"), edit.GetProperty("text").GetString());
        Assert.Contains("Expired", edit.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(Has(edit, "reply_markup"));
        Assert.Single(Server.Calls("sendMessage"));
        var row = await RowAsync($"decided:{RequestId}");
        Assert.Equal(("sent", 1), (row.Delivery, row.Attempts));
    }

    [Fact]
    public async Task ExecutedAfterPosting_EditsTheCardWithTheFill()
    {
        await ProposeAsync();
        Server.Script("sendMessage", Posted);
        await Delivery().DeliverDueAsync(CancellationToken.None);

        var outcome = await Approvals().ApproveAsync(RequestId, "alice", CancellationToken.None);
        await Delivery().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(ProposalStatus.Executed, outcome.Status);
        var edit = Assert.Single(Server.Calls("editMessageText")).Body;
        Assert.Equal(CardMessageId, edit.GetProperty("message_id").GetInt64());
        Assert.EndsWith($"<b>✅ Executed</b> — {outcome.Message}", edit.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(Has(edit, "reply_markup"));
        Assert.Equal("sent", (await RowAsync($"executed:{RequestId}")).Delivery);
    }

    [Fact]
    public async Task EditThatChangesNothing_CountsAsDelivered()
    {
        await ProposeAsync();
        await Delivery().DeliverDueAsync(CancellationToken.None);
        await Approvals().RejectAsync(RequestId, "bob", "too close to earnings", CancellationToken.None);
        Server.Script("editMessageText", BotApiReply.Error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same"));

        await Delivery().DeliverDueAsync(CancellationToken.None);

        Assert.Single(Server.Calls("editMessageText"));
        var row = await RowAsync($"decided:{RequestId}");
        Assert.Equal(("sent", (string?)null), (row.Delivery, row.LastError));
    }

    [Fact]
    public async Task DecidedBeforePosting_IsPostedWithItsOutcome_AndNoButtons()
    {
        await ProposeAsync();
        await Approvals().RejectAsync(RequestId, "bob", "too close to earnings", CancellationToken.None);

        await Delivery().DeliverDueAsync(CancellationToken.None);

        var card = Server.Calls("sendMessage")[0].Body;
        Assert.False(Has(card, "reply_markup"));
        Assert.EndsWith("rejected by bob: too close to earnings", card.GetProperty("text").GetString(), StringComparison.Ordinal);
        // The decision row then edits the card it finds recorded; its text is already the outcome.
        Assert.Equal(card.GetProperty("text").GetString(), Assert.Single(Server.Calls("editMessageText")).Body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task DecisionOfAProposalNeverPosted_IsSentAsItsAlertText()
    {
        await ProposeAsync();
        await Approvals().RejectAsync(RequestId, "bob", "too close to earnings", CancellationToken.None);

        await Delivery(Settings() with { Notifications = new Dictionary<string, string> { ["proposal"] = "off" } }).DeliverDueAsync(CancellationToken.None);

        Assert.Equal([$"Proposal {RequestId} REJECTED: too close to earnings"], SentTexts());
        Assert.Empty(Server.Calls("editMessageText"));
        Assert.Equal(("off", "sent"), ((await RowAsync($"proposal:{RequestId}")).Delivery, (await RowAsync($"decided:{RequestId}")).Delivery));
    }
}
