using OptionsAutomation.Integration.Tests.Support;
using OptionsAutomation.Integration.Tests.Worker;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>The morning brief from its service through the outbox to the loopback Bot API, under each notification mode.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MorningBriefDeliveryTests(PostgresServer postgres) : OutboxTestBase(postgres, NineOClock)
{
    // Tuesday 2026-03-10, 09:00 New York (EDT).
    private static readonly DateTimeOffset NineOClock = new(2026, 3, 10, 13, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 3, 10);

    [Fact]
    public async Task TheBrief_GoesOutAsOneHtmlMessage_WithSound()
    {
        var put = await QueueBriefAsync();

        await Delivery().DeliverDueAsync(CancellationToken.None);

        var sent = Assert.Single(Server.Calls("sendMessage")).Body;
        Assert.Equal(ChatId, sent.GetProperty("chat_id").GetInt64());
        Assert.Equal("HTML", sent.GetProperty("parse_mode").GetString(), ignoreCase: true);
        Assert.False(Has(sent, "disable_notification"));
        Assert.StartsWith(MorningBriefHarness.TuesdayBriefStart(put), sent.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("sent", (await RowAsync("morning-brief:2026-03-10")).Delivery);
    }

    [Theory]
    [InlineData("silent", "silent", 1)]
    [InlineData("off", "off", 0)]
    public async Task TheBriefsNotificationMode_IsHonoured(string mode, string delivery, int messages)
    {
        await QueueBriefAsync();

        await Delivery(Settings() with { Notifications = new Dictionary<string, string> { ["morning_brief"] = mode } }).DeliverDueAsync(CancellationToken.None);

        var calls = Server.Calls("sendMessage");
        Assert.Equal(messages, calls.Count);
        Assert.All(calls, c => Assert.True(c.Flag("disable_notification")));
        Assert.Equal(delivery, (await RowAsync("morning-brief:2026-03-10")).Delivery);
    }

    /// <summary>The brief as the 09:00 job queues it, over the SPY 560 put; returns the put's id.</summary>
    private async Task<long> QueueBriefAsync()
    {
        using var h = new MorningBriefHarness(Db, new RealTimersClock(NineOClock));
        h.WriteVix(Day);
        var put = await h.Risk.OpenSpyPutAsync();
        h.Risk.Quotes.Underlying("SPY", 585.80m, NineOClock);
        Assert.NotNull(await h.Service().SendAsync(Day, CancellationToken.None));
        return put.PositionId;
    }
}
