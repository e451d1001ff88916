using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Telegram;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>
/// Alerts that carry a picture: stored with their outbox row and posted with <c>sendPhoto</c> as a multipart upload,
/// asserted as the loopback Bot API received it (fields and file part), through the same modes, retries and limits as text.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PhotoAlertDeliveryTests(PostgresServer postgres) : OutboxTestBase(postgres, Start)
{
    // A real 1×1 PNG: the sender does not look inside, but what is uploaded should be a picture.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static Alert Card(string text, string key = "scorecard:2026-03-02") => new(key, "scorecard", text, null, null, Photo: Png);

    [Fact]
    public async Task PhotoAlert_IsUploadedAsMultipart_WithItsTextAsHtmlCaption_AndStoredWithItsRow()
    {
        await EnqueueAsync(Card("Scorecard 2026-03-02: P&L <+75.00>"));

        var settled = await Delivery().DeliverDueAsync(CancellationToken.None);

        var call = Assert.Single(Server.Requests);
        Assert.Equal(("sendPhoto", $"/bot{BotApiServer.Token}/sendPhoto"), (call.Method, call.Path));
        Assert.Equal(ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture), call.Text("chat_id"));
        Assert.Equal("Scorecard 2026-03-02: P&amp;L &lt;+75.00&gt;", call.Text("caption"));
        Assert.Equal("HTML", call.Text("parse_mode"), ignoreCase: true);
        Assert.False(call.Flag("disable_notification"));
        // The library names the part and points the photo parameter at it (attach://), which the Bot API reads for any file parameter.
        var photo = Assert.Single(call.Files);
        Assert.Equal(($"attach://{photo.Name}", "card.png"), (call.Text("photo"), photo.FileName));
        Assert.Equal(Png, photo.Bytes);
        // The library declares every upload application/octet-stream; Telegram reads the picture's type from its bytes.
        Assert.Equal("application/octet-stream", photo.ContentType);
        Assert.Equal(1, settled);
        Assert.Equal(("sent", 1), ((await RowAsync("scorecard:2026-03-02")).Delivery, (await RowAsync("scorecard:2026-03-02")).Attempts));
        Assert.Equal(Png, await StoredPhotoAsync("scorecard:2026-03-02"));
        Assert.Equal(0, await Delivery().DeliverDueAsync(CancellationToken.None));
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task TextOverTheCaptionLimit_GoesAsACaptionlessPhoto_ThenTheTextAsAMessage_OneSecondApart()
    {
        var text = new string('x', TelegramGateway.MaxCaptionLength + 1);
        await EnqueueAsync(Card(text));

        await Delivery().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(["sendPhoto", "sendMessage"], Server.Requests.Select(r => r.Method));
        Assert.Null(Server.Calls("sendPhoto")[0].Text("caption"));
        Assert.Equal(Png, Assert.Single(Server.Calls("sendPhoto")[0].Files).Bytes);
        Assert.Equal([text], SentTexts());
        Assert.Equal([TelegramRateLimiter.PerChatInterval], Clock.Waits); // the rate limiter spaced the two sends
        Assert.Equal("sent", (await RowAsync("scorecard:2026-03-02")).Delivery);
    }

    [Fact]
    public async Task TextOfExactlyTheCaptionLimit_IsTheCaption()
    {
        var text = new string('x', TelegramGateway.MaxCaptionLength);
        await EnqueueAsync(Card(text));

        await Delivery().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(text, Assert.Single(Server.Requests).Text("caption"));
    }

    [Fact]
    public async Task SilentKind_UploadsWithoutSound_AndOffKind_UploadsNothing()
    {
        await EnqueueAsync(Card("quiet"), new Alert("weekly:2026-W10", "weekly_report", "not wanted", null, null, Photo: Png));
        var settings = Settings() with
        {
            Notifications = new Dictionary<string, string> { ["scorecard"] = "silent", ["weekly_report"] = "off" },
        };

        await Delivery(settings).DeliverDueAsync(CancellationToken.None);

        Assert.True(Assert.Single(Server.Requests).Flag("disable_notification"));
        Assert.Equal("silent", (await RowAsync("scorecard:2026-03-02")).Delivery);
        Assert.Equal(("off", 0), ((await RowAsync("weekly:2026-W10")).Delivery, (await RowAsync("weekly:2026-W10")).Attempts));
    }

    [Fact]
    public async Task ServerError_IsRetried_UploadingTheWholePictureAgain()
    {
        Server.Script("sendPhoto", BotApiReply.Error(502, "Bad Gateway"), BotApiReply.Error(429, "Too Many Requests: retry after 2", retryAfter: 2));
        await EnqueueAsync(Card("retried"));

        await Delivery().DeliverDueAsync(CancellationToken.None);

        var calls = Server.Calls("sendPhoto");
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.Equal(Png, Assert.Single(c.Files).Bytes));
        Assert.Contains(TimeSpan.FromSeconds(2), Clock.Waits);
        var row = await RowAsync("scorecard:2026-03-02");
        Assert.Equal(("sent", 1, (string?)null), (row.Delivery, row.Attempts, row.LastError));
    }

    [Fact]
    public async Task Refusal_SettlesThePhotoRowAsFailed_AndTheNextRowStillGoes()
    {
        Server.Script("sendPhoto", BotApiReply.Error(400, "Bad Request: IMAGE_PROCESS_FAILED"));
        await EnqueueAsync(Card("broken"), new Alert("trading-state:1", "trading_state", "after", null, null));

        Assert.Equal(2, await Delivery().DeliverDueAsync(CancellationToken.None));

        var failed = await RowAsync("scorecard:2026-03-02");
        Assert.Equal("failed", failed.Delivery);
        Assert.Contains("IMAGE_PROCESS_FAILED", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(["after"], SentTexts());
    }

    [Fact]
    public async Task TheSamePhotoAlertQueuedTwice_IsOneRow_AndOneUpload()
    {
        await EnqueueAsync(Card("first"));
        await EnqueueAsync(Card("again"));

        await Delivery().DeliverDueAsync(CancellationToken.None);

        Assert.Equal("first", Assert.Single(Server.Requests).Text("caption"));
    }

    private async Task<byte[]?> StoredPhotoAsync(string dedupKey)
    {
        await using var command = Db.DataSource.CreateCommand("SELECT photo FROM outbox WHERE dedup_key = $1");
        command.Parameters.AddWithValue(dedupKey);
        return await command.ExecuteScalarAsync() as byte[];
    }
}
