using System.Text.Json;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Telegram;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>
/// A reply to the bot's proposal card or position alert, end to end: the card and the alert go out through the outbox to
/// the loopback Bot API, the reply comes back as an update with reply_to_message, and the note, its audit row and the
/// confirmation on the wire follow; a reply to anything else is answered and adds nothing.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReplyNoteTests(PostgresServer server) : BotTestBase(server)
{
    [Fact]
    public async Task AReplyToACardOrAnAlert_IsANoteOnWhatItWasAbout()
    {
        var proposal = await Worker.ProposeAsync();
        var delivery = Worker.Get<OutboxDelivery>();
        await delivery.DeliverDueAsync(CancellationToken.None);
        var card = await SentForAsync("proposal");

        var onCard = await ReplyAsync(card, "#confident good credit for the risk");
        var executed = await Worker.Get<ApprovalService>().ApproveAsync(proposal.RequestId, "cli", CancellationToken.None);
        var position = (await Worker.Get<PositionManager>().FindAsync(executed.PositionId!.Value))!;
        var now = Worker.Clock.GetUtcNow();
        await Worker.Get<IAlertQueue>().EnqueueAsync(Alert.MarkProblem(position, MarkQuality.Stale, "quotes 12 min old", MarketTime.DateOf(now)), now, CancellationToken.None);
        await delivery.DeliverDueAsync(CancellationToken.None);
        var onAlert = await ReplyAsync(await SentForAsync("mark_stale"), "quotes were late at the open");

        Assert.Matches($"^📝 Journal entry \\d+ on proposal {proposal.RequestId} \\(confident\\): good credit for the risk$", onCard.GetProperty("text").GetString());
        Assert.Matches($"^📝 Journal entry \\d+ on position #{position.PositionId}: quotes were late at the open$", onAlert.GetProperty("text").GetString());
        Assert.Equal(1, await Db.CountAsync("journal_entries", $"request_id = '{proposal.RequestId}' AND position_id IS NULL AND phase = 'entry' AND source = 'telegram' AND created_by = 'telegram:111'"));
        Assert.Equal(1, await Db.CountAsync("journal_entries", $"position_id = {position.PositionId} AND phase = 'during' AND source = 'telegram'"));
        Assert.Equal(1, await Db.CountAsync("journal_entry_versions", "sentiment = 'confident' AND text = 'good credit for the risk'"));
        Assert.Equal(2, await Db.CountAsync("audit_events", "event_type = 'journal_note_added' AND actor = 'telegram:111'"));
    }

    [Fact]
    public async Task AReplyToAnUnknownMessage_IsAnswered_AndAddsNothing()
    {
        var reply = await ReplyAsync(999_999, "is this thing on?");

        Assert.Equal(
            "🤷 That message is not a proposal card or a position alert, so nothing was journaled. Reply to a card or an alert, or use /note ID [#tag] text.",
            reply.GetProperty("text").GetString());
        Assert.Equal(0, await Db.CountAsync("journal_entries"));
    }

    [Fact]
    public async Task AReplyFromSomeoneNotAllowed_IsRefused_Audited_AndAddsNothing()
    {
        await Worker.ProposeAsync();
        await Worker.Get<OutboxDelivery>().DeliverDueAsync(CancellationToken.None);

        var reply = await ReplyAsync(await SentForAsync("proposal"), "#worried let me in", BotHarness.Mallory);

        Assert.Equal(ChatActor.NotAuthorized, reply.GetProperty("text").GetString());
        Assert.Equal(0, await Db.CountAsync("journal_entries"));
        Assert.Equal(1, await Db.CountAsync("audit_events", "event_type = 'telegram.unauthorized' AND actor = 'telegram:666'"));
    }

    /// <summary>The chat message the outbox row of <paramref name="kind"/> went out as.</summary>
    private Task<long> SentForAsync(string kind) => ScalarAsync(
        $"SELECT s.message_id FROM telegram_sent_messages s JOIN outbox o ON o.message_id = s.outbox_message_id WHERE o.payload->>'kind' = '{kind}'");

    private async Task<JsonElement> ReplyAsync(long answeredId, string text, long from = BotHarness.Alice)
    {
        Api.AddUpdate(BotUpdates.Reply(NextUpdateId(), from, text, BotHarness.ChatId, answeredId));
        Assert.Equal(1, await Worker.Bot.PollOnceAsync(CancellationToken.None));
        var reply = Api.Calls("sendMessage")[^1].Body;
        Assert.Equal(BotHarness.ChatId, reply.GetProperty("chat_id").GetInt64());
        return reply;
    }
}
