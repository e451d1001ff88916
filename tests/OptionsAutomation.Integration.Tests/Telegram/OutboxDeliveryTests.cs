using OptionsAutomation.Core.Trading;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>Alerts from the outbox to the loopback Bot API: what goes on the wire and what the rows say afterwards.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OutboxDeliveryTests(PostgresServer postgres) : OutboxTestBase(postgres, Start)
{
    private static readonly Alert ExitAlert = new("exit:7", "exit", "Position 7 exited — SPY CSP — profit_target — +75.00 (50%)", 7, "req-7");

    [Fact]
    public async Task ExitAlert_IsSentOnceWithItsText_AndNotAgain()
    {
        await EnqueueAsync(ExitAlert);

        var first = await Delivery().DeliverDueAsync(CancellationToken.None);
        var second = await Delivery().DeliverDueAsync(CancellationToken.None);

        var sent = Assert.Single(Server.Calls("sendMessage")).Body;
        Assert.Equal(ExitAlert.Text, sent.GetProperty("text").GetString());
        Assert.Equal(ChatId, sent.GetProperty("chat_id").GetInt64());
        Assert.Equal("HTML", sent.GetProperty("parse_mode").GetString(), ignoreCase: true); // Telegram reads the mode case-insensitively; the library sends "Html"
        Assert.False(Has(sent, "disable_notification"));
        Assert.False(Has(sent, "reply_markup"));
        Assert.Equal((1, 0), (first, second));
        var row = await RowAsync("exit:7");
        Assert.Equal(("sent", 1, (string?)null), (row.Delivery, row.Attempts, row.LastError));
        Assert.NotNull(row.DeliveredAt);
    }

    [Fact]
    public async Task ABacklogOlderThanMaxMessageAge_IsKeptButNotSent()
    {
        await EnqueueAsync(ExitAlert);
        Clock.Advance(TimeSpan.FromHours(24.5));
        await EnqueueAsync(new Alert("trading-state:2", "trading_state", "Trading ACTIVE → HALTED by cli", null, null));

        await Delivery().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(["Trading ACTIVE → HALTED by cli"], SentTexts());
        var stale = await RowAsync("exit:7");
        Assert.Equal(("failed", "not sent: queued more than 24 h ago (Telegram:MaxMessageAgeHours)"), (stale.Delivery, stale.LastError));
    }

    [Fact]
    public async Task Text_IsEscapedForHtml()
    {
        await EnqueueAsync(new Alert("trading-state:1", "trading_state", "Trading HALTED by ops: P&L <-2000", null, null));

        await Delivery().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(["Trading HALTED by ops: P&amp;L &lt;-2000"], SentTexts());
    }

    [Fact]
    public async Task FloodControl_WaitsRetryAfter_ThenOneMessageGetsThrough_AndTheRowIsDelivered()
    {
        Server.Script("sendMessage", BotApiReply.Error(429, "Too Many Requests: retry after 3", retryAfter: 3));
        await EnqueueAsync(ExitAlert);

        await Delivery().DeliverDueAsync(CancellationToken.None);

        Assert.Equal([ExitAlert.Text, ExitAlert.Text], SentTexts()); // the refused attempt, then the one that got through
        Assert.Contains(TimeSpan.FromSeconds(3), Clock.Waits);
        Assert.Equal(("sent", 1), ((await RowAsync("exit:7")).Delivery, (await RowAsync("exit:7")).Attempts));
    }

    [Fact]
    public async Task ServerError_ThenSuccess_Delivers()
    {
        Server.Script("sendMessage", BotApiReply.Error(500, "Internal Server Error"));
        await EnqueueAsync(ExitAlert);

        await Delivery().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(2, Server.Calls("sendMessage").Count);
        var row = await RowAsync("exit:7");
        Assert.Equal(("sent", 1, (string?)null), (row.Delivery, row.Attempts, row.LastError));
    }

    [Fact]
    public async Task Refusal_MarksTheRowFailedWithTheError_AndTheNextRowIsStillDelivered()
    {
        Server.Script("sendMessage", BotApiReply.Error(400, "Bad Request: can't parse entities"));
        await EnqueueAsync(new Alert("bad", "exit", "refused", null, null), ExitAlert);

        var settled = await Delivery().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(2, settled);
        Assert.Equal(["refused", ExitAlert.Text], SentTexts());
        var failed = await RowAsync("bad");
        Assert.Equal(("failed", 1, (DateTimeOffset?)null), (failed.Delivery, failed.Attempts, failed.DeliveredAt));
        Assert.Contains("can't parse entities", failed.LastError, StringComparison.Ordinal);
        Assert.Equal("sent", (await RowAsync("exit:7")).Delivery);
        Assert.Contains(DeliveryLog.Lines, l => l.StartsWith("Error:", StringComparison.Ordinal) && l.Contains("marked failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TransientFailure_HoldsBackLaterRows_UntilItsBackoffHasPassed()
    {
        Server.Script("sendMessage", [.. Enumerable.Repeat(BotApiReply.Error(502, "Bad Gateway"), 4)]); // the first try and MaxRetries 3
        await EnqueueAsync(new Alert("first", "exit", "first", null, null), new Alert("second", "exit", "second", null, null));

        var settled = await Delivery().DeliverDueAsync(CancellationToken.None);
        var first = await RowAsync("first");

        Assert.Equal(0, settled);
        Assert.Equal(["first", "first", "first", "first"], SentTexts());
        Assert.Equal(((string?)null, 1), (first.Delivery, first.Attempts));
        Assert.Contains("502", first.LastError, StringComparison.Ordinal);
        Assert.True(first.AvailableAt > Clock.GetUtcNow());
        Assert.Equal(0, (await RowAsync("second")).Attempts);

        Assert.Equal(0, await Delivery().DeliverDueAsync(CancellationToken.None)); // not due yet, and "second" may not overtake it
        Assert.Equal(4, Server.Calls("sendMessage").Count);

        Clock.Advance(first.AvailableAt - Clock.GetUtcNow());
        Assert.Equal(2, await Delivery().DeliverDueAsync(CancellationToken.None));
        Assert.Equal(["first", "second"], SentTexts().Skip(4));
        Assert.Equal(("sent", 2, (string?)null), ((await RowAsync("first")).Delivery, (await RowAsync("first")).Attempts, (await RowAsync("first")).LastError));
    }

    [Fact]
    public async Task FloodControlLongerThanTheClientWaits_PostponesTheRowByRetryAfter()
    {
        Server.Script("sendMessage", BotApiReply.Error(429, "Too Many Requests: retry after 600", retryAfter: 600));
        await EnqueueAsync(ExitAlert);

        await Delivery().DeliverDueAsync(CancellationToken.None);

        var row = await RowAsync("exit:7");
        Assert.Equal(((string?)null, 1), (row.Delivery, row.Attempts));
        Assert.Equal(Clock.GetUtcNow().AddSeconds(600), row.AvailableAt);
    }

    [Fact]
    public async Task Rows_GoOutInTheOrderTheyWereQueued()
    {
        var alerts = Enumerable.Range(1, 6).Select(i => new Alert($"a{i}", "exit", $"alert {i}", null, null)).ToArray();
        await EnqueueAsync(alerts[..3]);
        await EnqueueAsync(alerts[3..]);

        await Delivery().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(alerts.Select(a => a.Text), SentTexts());
    }

    [Fact]
    public async Task SilentKind_GoesOutWithoutSound()
    {
        await EnqueueAsync(new Alert("mark:1", "mark_stale", "stale", 1, null), ExitAlert);

        await Delivery(Settings() with { Notifications = new Dictionary<string, string> { ["MARK_STALE"] = "silent" } }).DeliverDueAsync(CancellationToken.None);

        var calls = Server.Calls("sendMessage");
        Assert.True(calls[0].Body.GetProperty("disable_notification").GetBoolean());
        Assert.False(Has(calls[1].Body, "disable_notification"));
        Assert.Equal("silent", (await RowAsync("mark:1")).Delivery);
        Assert.Equal("sent", (await RowAsync("exit:7")).Delivery);
    }

    [Fact]
    public async Task OffKind_SendsNothing_AndSettlesTheRowAsOff()
    {
        await EnqueueAsync(ExitAlert);

        var settled = await Delivery(Settings() with { Notifications = new Dictionary<string, string> { ["exit"] = "off" } }).DeliverDueAsync(CancellationToken.None);

        Assert.Equal(1, settled);
        Assert.Empty(Server.Requests);
        var row = await RowAsync("exit:7");
        Assert.Equal(("off", 0, Clock.GetUtcNow()), (row.Delivery, row.Attempts, row.DeliveredAt!.Value));
    }

    [Fact]
    public async Task TwoSendersRacing_SendEachRowOnce()
    {
        var alerts = Enumerable.Range(1, 8).Select(i => new Alert($"r{i}", "exit", $"race {i}", null, null)).ToArray();
        await EnqueueAsync(alerts);
        var (one, two) = (Delivery(), Delivery());
        Server.DefaultReplyDelay = TimeSpan.FromMilliseconds(50);

        var first = Task.Run(() => one.DeliverDueAsync(CancellationToken.None));
        while (Server.Requests.Count == 0)
        {
            await Task.Delay(5);
        }

        var second = await two.DeliverDueAsync(CancellationToken.None); // while the first is mid-run
        int[] settled = [await first, second, await one.DeliverDueAsync(CancellationToken.None), await two.DeliverDueAsync(CancellationToken.None)];

        Assert.Equal(alerts.Select(a => a.Text), SentTexts());
        Assert.Equal([8, 0, 0, 0], settled);
        Assert.Equal(8, await Db.CountAsync("outbox", "delivery = 'sent' AND attempts = 1"));
    }
}
