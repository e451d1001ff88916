using OptionsAutomation.Core.Analytics.Periods;
using OptionsAutomation.Infrastructure.Telegram;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>
/// The weekly report on the wire: queued by the report service after the close of Thursday April 17, 2025 (the week's
/// last session before Good Friday), then uploaded by the outbox sender to the loopback Bot API as <c>sendPhoto</c> with
/// the chart as the file part and the report as its HTML caption; <c>weekly_report</c> obeys its notification setting.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PeriodReportDeliveryTests(PostgresServer postgres) : OutboxTestBase(postgres, AfterTheClose)
{
    private static readonly DateTimeOffset AfterTheClose = new(2025, 4, 17, 20, 15, 0, TimeSpan.Zero);
    private static readonly DateOnly Thursday = new(2025, 4, 17);

    [Fact]
    public async Task WeeklyReport_IsUploadedAsAPhotoWithTheReportAsCaption()
    {
        var report = await QueueWeeklyAsync();

        await Delivery().DeliverDueAsync(CancellationToken.None);

        var call = Assert.Single(Server.Requests);
        Assert.Equal(("sendPhoto", $"/bot{BotApiServer.Token}/sendPhoto"), (call.Method, call.Path));
        Assert.Equal(TelegramHtml.Escape(string.Join('\n', PeriodReportText.Lines(report))), call.Text("caption"));
        Assert.Equal("HTML", call.Text("parse_mode"), ignoreCase: true);
        Assert.False(call.Flag("disable_notification"));
        var photo = Assert.Single(call.Files);
        Assert.Equal(await Db.ScalarAsync<byte[]>("SELECT photo FROM outbox WHERE dedup_key = 'weekly_report:2025-04-14'"), photo.Bytes);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], photo.Bytes.Take(4));
        Assert.Equal("sent", (await RowAsync("weekly_report:2025-04-14")).Delivery);
    }

    [Theory]
    [InlineData("silent", 1, true)]
    [InlineData("off", 0, false)]
    public async Task WeeklyReport_FollowsItsNotificationSetting(string mode, int uploads, bool silent)
    {
        await QueueWeeklyAsync();
        var settings = Settings() with { Notifications = new Dictionary<string, string> { ["weekly_report"] = mode } };

        await Delivery(settings).DeliverDueAsync(CancellationToken.None);

        Assert.Equal(uploads, Server.Calls("sendPhoto").Count);
        Assert.All(Server.Calls("sendPhoto"), call => Assert.Equal(silent, call.Flag("disable_notification")));
        Assert.NotNull((await RowAsync("weekly_report:2025-04-14")).Delivery);
    }

    private async Task<PeriodReport> QueueWeeklyAsync() =>
        await Worker.PeriodReportJobTests.Reports(Db, new RealTimersClock(AfterTheClose)).SendAsync(ReportPeriodKind.Week, Thursday, CancellationToken.None)
        ?? throw new InvalidOperationException("no report was due.");
}
