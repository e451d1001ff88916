using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OptionsAutomation.Core.Publishing;
using OptionsAutomation.Hosting;
using OptionsAutomation.Infrastructure.Publishing;
using OptionsAutomation.Integration.Tests.Scorecard;
using OptionsAutomation.Integration.Tests.Support;
using OptionsAutomation.Publishing;

namespace OptionsAutomation.Integration.Tests.Publishing;

/// <summary>
/// The webhook adapter end to end: the scorecard queued in the outbox's webhook channel, posted to a loopback receiver,
/// signed (HMAC-SHA256 over the body, checked here as a receiver would), retried, once per idempotency key.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WebhookDeliveryTests(PostgresServer server) : IAsyncLifetime
{
    private const string Secret = "a-webhook-secret-of-some-length";
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task TheScorecard_IsPostedSigned_WithItsCard_AfterARetry_AndOnlyOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync(503);
        var publication = PerformancePublication.Of(ScorecardSample.Build(), [], new Core.Analytics.DailyEquityCurve(null, 0m, []), showSizes: false);
        var card = new Infrastructure.Cards.ScorecardCard().Png(publication.Scorecard);
        var publisher = new WebhookPublisher(_db.DataSource, TimeProvider.System);
        await publisher.PublishAsync(publication, card, CancellationToken.None);
        await publisher.PublishAsync(publication, card, CancellationToken.None); // the job run twice: one row

        var delivery = Delivery(receiver.Url);
        var settled = await delivery.DeliverDueAsync(CancellationToken.None);
        var again = await delivery.DeliverDueAsync(CancellationToken.None);

        Assert.Equal((1, 0), (settled, again));
        Assert.Equal(2, receiver.Calls.Count); // 503, then the retry that got through
        var call = receiver.Calls[^1];
        Assert.Equal(receiver.Calls[0].Body, call.Body);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), call.Body));
        Assert.Equal(expected, call.Headers["X-OptAuto-Signature"]);
        Assert.Equal("scorecard:2026-03-11:webhook", call.Headers["Idempotency-Key"]);
        Assert.StartsWith("application/json", call.Headers["Content-Type"], StringComparison.Ordinal);
        var body = JsonDocument.Parse(call.Body).RootElement;
        Assert.Equal(("scorecard", "scorecard:2026-03-11:webhook"), (body.GetProperty("event").GetString(), body.GetProperty("idempotency_key").GetString()));
        Assert.Equal((-239.00m, 2), (body.GetProperty("data").GetProperty("realized_pnl").GetDecimal(), body.GetProperty("data").GetProperty("closed_trades").GetArrayLength()));
        Assert.Equal(card, Convert.FromBase64String(body.GetProperty("card_png_base64").GetString()!));
        Assert.Equal(1, await _db.CountAsync("outbox", "channel = 'webhook' AND delivery = 'sent' AND attempts = 1 AND delivered_at IS NOT NULL"));
    }

    [Fact]
    public async Task ARefusal_SettlesTheRowAsFailed_AndAWebhookRowIsNoTelegramAlert()
    {
        await using var receiver = await WebhookReceiver.StartAsync(400);
        var publication = PerformancePublication.Of(ScorecardSample.Build(), [], new Core.Analytics.DailyEquityCurve(null, 0m, []), showSizes: false);
        await new WebhookPublisher(_db.DataSource, TimeProvider.System).PublishAsync(publication, [1, 2, 3], CancellationToken.None);

        Assert.Equal(1, await Delivery(receiver.Url).DeliverDueAsync(CancellationToken.None));

        Assert.Single(receiver.Calls);
        Assert.Equal(1, await _db.CountAsync("outbox", "channel = 'webhook' AND delivery = 'failed' AND last_error LIKE 'HTTP 400%'"));
    }

    [Fact]
    public void WithoutAWebhookUrl_NothingPublishes()
    {
        using var services = new ServiceCollection().AddLogging().AddOptionsAutomation(Configuration([])).BuildServiceProvider();
        using var configured = new ServiceCollection().AddLogging()
            .AddOptionsAutomation(Configuration(new() { ["Publishing:WebhookUrl"] = "https://example.invalid/hook", ["Publishing:WebhookSecret"] = Secret }))
            .BuildServiceProvider();

        Assert.Empty(services.GetServices<IPerformancePublisher>());
        Assert.IsType<WebhookPublisher>(Assert.Single(configured.GetServices<IPerformancePublisher>()));
    }

    [Theory]
    [InlineData("http://hooks.example.com/x", Secret, "must be https unless it is on this machine")]
    [InlineData("https://hooks.example.com/x", "short", "WebhookSecret (e.g. Publishing__WebhookSecret in the environment) must be at least 16")]
    public void BadWebhookSettings_AreRefused(string url, string secret, string message) =>
        Assert.Contains(new PublishingSettings { WebhookUrl = url, WebhookSecret = secret }.Validate(), e => e.Contains(message, StringComparison.Ordinal));

    [Fact]
    public void SettingsAsLogged_ShowNeitherTheSecretNorTheUrlsPathOrQuery()
    {
        var settings = new PublishingSettings { WebhookUrl = "http://hooks.example.com/services/T0/B1/tok3n?key=abc", WebhookSecret = Secret };

        var printed = string.Join("\n", [settings.ToString(), .. settings.Validate()]);

        Assert.Contains("hooks.example.com", printed, StringComparison.Ordinal);
        Assert.All(new[] { Secret, "tok3n", "key=abc" }, secret => Assert.DoesNotContain(secret, printed, StringComparison.Ordinal));
    }

    private WebhookDelivery Delivery(string url) => new(
        new HttpClient(), new PublishingSettings { WebhookUrl = url, WebhookSecret = Secret }, _db.DataSource, TimeProvider.System, NullLogger<WebhookDelivery>.Instance);

    private IConfiguration Configuration(Dictionary<string, string?> settings)
    {
        settings["ConnectionStrings:Postgres"] = _db.ConnectionString;
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }
}
