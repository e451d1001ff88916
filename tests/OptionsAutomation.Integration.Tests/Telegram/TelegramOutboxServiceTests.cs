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
            await WaitForAsync(() => SentTexts().Count == 1, "the first alert was not sent");
            // The Bot API has a message before its row is settled: break the table only once "one" is settled, or its
            // failed settle would back it off, and the oldest row backing off holds every later one back.
            await WaitForSettledAsync(1);
            // Every tick now fails: the table is gone, and the pooled connections (with any statement they prepared
            // against it) are cut, so no tick can still reach it.
            await Db.ExecuteAsync("""
                ALTER TABLE outbox RENAME TO outbox_away;
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid();
                """);
            await WaitForAsync(() => log.Lines.Any(l => l.StartsWith("Error:", StringComparison.Ordinal)), "no failed tick was logged");
            await Db.ExecuteAsync("ALTER TABLE outbox_away RENAME TO outbox");
            await EnqueueAsync(new Alert("two", "exit", "two", null, null));
            await WaitForAsync(() => SentTexts().Count == 2, "the second alert was not sent");
            await WaitForSettledAsync(2);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.Equal(["one", "two"], SentTexts());
        Assert.Equal(2, await Db.CountAsync("outbox", "delivery = 'sent'"));
    }

    private async Task WaitForSettledAsync(int sent)
    {
        for (var deadline = DateTimeOffset.UtcNow.AddSeconds(15); await Db.CountAsync("outbox", "delivery = 'sent'") < sent; await Task.Delay(20))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"{sent} alert(s) were not marked sent in 15 s");
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, string failure)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"{failure} in 15 s");
            await Task.Delay(20);
        }
    }
}
