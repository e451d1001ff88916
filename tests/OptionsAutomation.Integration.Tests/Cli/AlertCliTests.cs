using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// <c>optauto alerts list</c> as a real process over outbox rows written in-process: every JSON key equals its
/// outbox column (README: "--json prints JSON whose keys equal the column names"), newest first, at most --limit.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class AlertCliTests(PostgresServer server) : CliTestBase(server)
{
    [Fact]
    public async Task List_Json_CarriesEveryOutboxColumn_NewestFirst_UpToTheLimit()
    {
        await Db.ExecuteAsync(
            """
            INSERT INTO outbox (dedup_key, channel, payload, created_at, available_at, attempts, delivery, delivered_at, last_error) VALUES
            ('alert-oldest', 'alert', '{"kind": "mark_stale", "text": "oldest", "position_id": 7}', '2021-01-04T21:00:00Z', '2021-01-04T21:00:00Z', 0, NULL, NULL, NULL),
            ('alert-delivered', 'alert', '{"kind": "exit", "text": "delivered", "position_id": 8}', '2021-01-04T21:05:00Z', '2021-01-04T21:05:00Z', 1, 'silent', '2021-01-04T21:05:30Z', NULL),
            ('alert-newest', 'alert', '{"kind": "exit_failed", "text": "newest", "position_id": 9}', '2021-01-05T15:00:00Z', '2021-01-05T15:00:00Z', 2, NULL, NULL, 'telegram timeout')
            """);
        var deliveredId = await MessageIdAsync("alert-delivered");
        var newestId = await MessageIdAsync("alert-newest");

        var alerts = (await Cli.RunAsync("alerts", "list", "--limit", "2", "--json")).Succeeded().Json().Items();

        Assert.Equal(2, alerts.Length);
        var newest = alerts[0];
        Assert.Equal("newest", newest.Str("text"));
        Assert.Equal("exit_failed", newest.Str("kind"));
        Assert.Equal("alert", newest.Str("channel"));
        Assert.Equal(2L, newest.Int("attempts"));
        Assert.True(newest.IsNull("delivered_at"));
        Assert.True(newest.IsNull("delivery"));
        var delivered = alerts[1];
        Assert.Equal("delivered", delivered.Str("text"));
        Assert.Equal("exit", delivered.Str("kind"));
        Assert.Equal(1L, delivered.Int("attempts"));
        Assert.Equal("silent", delivered.Str("delivery"));

        // The columns whose names have an underscore.
        Assert.Equal(newestId, newest.Int("message_id"));
        Assert.Equal("alert-newest", newest.Str("dedup_key"));
        Assert.Equal(9L, newest.Int("position_id"));
        Assert.Equal(DateTimeOffset.Parse("2021-01-05T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture), newest.Instant("created_at"));
        Assert.Equal("telegram timeout", newest.Str("last_error"));
        Assert.Equal(deliveredId, delivered.Int("message_id"));
        Assert.Equal("alert-delivered", delivered.Str("dedup_key"));
        Assert.Equal(8L, delivered.Int("position_id"));
        Assert.Equal(DateTimeOffset.Parse("2021-01-04T21:05:30Z", System.Globalization.CultureInfo.InvariantCulture), delivered.Instant("delivered_at"));
        Assert.True(delivered.IsNull("last_error"));
    }

    [Fact]
    public async Task List_ShowsDeliveryState_AndPendingLeavesOutWhatWasSettled()
    {
        await Db.ExecuteAsync(
            """
            INSERT INTO outbox (dedup_key, channel, payload, created_at, available_at, attempts, delivery, delivered_at, last_error) VALUES
            ('refused', 'alert', '{"kind": "exit", "text": "refused"}', '2021-01-04T21:00:00Z', '2021-01-04T21:00:00Z', 1, 'failed', NULL, 'Telegram sendMessage failed: 403 Forbidden: bot was kicked'),
            ('muted', 'alert', '{"kind": "mark_stale", "text": "muted"}', '2021-01-04T21:01:00Z', '2021-01-04T21:01:00Z', 0, 'off', '2021-01-04T21:01:00Z', NULL),
            ('waiting', 'alert', '{"kind": "exit", "text": "waiting"}', '2021-01-04T21:02:00Z', '2021-01-04T21:04:00Z', 3, NULL, NULL, 'TimeoutException: no answer')
            """);

        var table = (await Cli.RunAsync("alerts", "list")).Succeeded().Stdout;
        var pending = (await Cli.RunAsync("alerts", "list", "--pending", "--json")).Succeeded().Json().Items();

        Assert.Contains("Delivery", table, StringComparison.Ordinal);
        Assert.Contains("Last error", table, StringComparison.Ordinal);
        Assert.Contains("failed", table, StringComparison.Ordinal);
        Assert.Contains("403 Forbidden", table, StringComparison.Ordinal);
        Assert.Equal(["waiting"], pending.Select(a => a.Str("text")));
        Assert.Equal(3L, pending[0].Int("attempts"));
    }

    private async Task<long> MessageIdAsync(string dedupKey)
    {
        await using var command = Db.DataSource.CreateCommand("SELECT message_id FROM outbox WHERE dedup_key = $1");
        command.Parameters.AddWithValue(dedupKey);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
