using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Exits;

/// <summary>
/// The mark job audits a position's mark quality only when it changes. Many marks of one position saved at once, each
/// flipping between fresh and stale, must leave an audit trail of changes only: each audited quality differs from the
/// one audited before it, and the last one audited is the position's quality now. A batch that judged "changed" from
/// a quality read before another mark landed would audit a repeat, or miss one.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MarkQualityRaceTests(PostgresServer server) : IAsyncLifetime
{
    // Friday 2026-02-27, 10:35 New York.
    private static readonly DateTimeOffset TenThirtyFive = new(2026, 2, 27, 15, 35, 0, TimeSpan.Zero);
    private readonly RealTimersClock _clock = new(TenThirtyFive);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task FortyConcurrentMarks_AuditEveryQualityChange_AndNoRepeat()
    {
        var h = new ExitHarness(_db, _clock);
        var position = (await h.OpenCspAsync("race", 580m, 1.50m, new DateOnly(2026, 4, 17), TenThirtyFive.AddDays(-7))).Position;
        var ledger = new PostgresMarkLedger(_db.DataSource);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            var quality = i % 2 == 0 ? MarkQuality.Fresh : MarkQuality.Stale;
            var mark = new PositionMark(quality == MarkQuality.Fresh ? 1.10m : null, TenThirtyFive, quality, quality == MarkQuality.Fresh ? null : "quote 20 minutes old", []);
            await ledger.RecordMarksAsync([new MarkRecord(MarkUpdate.For(position, mark, null), null)], null, TenThirtyFive.AddSeconds(i), CancellationToken.None);
        })));

        var audited = await _db.ListAsync<string>(
            $"SELECT data ->> 'quality' FROM audit_events WHERE event_type LIKE 'position.mark_%' AND position_id = {position.PositionId} ORDER BY event_id");
        Assert.NotEmpty(audited);
        Assert.All(audited.Zip(audited.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
        Assert.Equal(await _db.ScalarAsync<string>($"SELECT mark_status FROM positions WHERE position_id = {position.PositionId}"), audited[^1]);
    }
}
