using OptionsAutomation.Core.Trading;
using OptionsAutomation.Integration.Tests.Support;
using OptionsAutomation.Worker;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>The worker's hosted service: delivers at start, then on every tick, and outlives a failed tick.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TelegramOutboxServiceTests(PostgresServer postgres) : OutboxTestBase(postgres, Start)
{
    [Fact]
    public async Task DeliversAtStart_AndOnLaterTicks_EvenAfterATickFailed()
    {
        await EnqueueAsync(new Alert("one", "exit", "one", null, null));
        var log = new CapturingLogger<TelegramOutboxService>();
        var settings = Settings() with { OutboxPollSeconds = 0.1 };
        using var service = new TelegramOutboxService(Delivery(settings), settings, TimeProvider.System, log);

        await service.StartAsync(CancellationToken.None);
        try
        {
            await WaitForAsync(() => SentTexts().Count == 1);
            await Db.ExecuteAsync("ALTER TABLE outbox RENAME TO outbox_away"); // every tick now fails
            await WaitForAsync(() => log.Lines.Any(l => l.StartsWith("Error:", StringComparison.Ordinal)));
            await Db.ExecuteAsync("ALTER TABLE outbox_away RENAME TO outbox");
            await EnqueueAsync(new Alert("two", "exit", "two", null, null));
            await WaitForAsync(() => SentTexts().Count == 2);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.Equal(["one", "two"], SentTexts());
        Assert.Equal(2, await Db.CountAsync("outbox", "delivery = 'sent'"));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the service did not get there in 15 s");
            await Task.Delay(20);
        }
    }
}
