using Microsoft.Extensions.Logging.Abstractions;
using OptionsAutomation.Integration.Tests.Support;
using OptionsAutomation.Worker.Jobs;

namespace OptionsAutomation.Integration.Tests.Worker;

/// <summary>
/// The 09:00 job on real Postgres and a manual clock: the brief queued on a session, nothing on a holiday, one row however
/// often it runs, and still a brief when the VIX cannot be read.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MorningBriefJobTests(PostgresServer server) : IAsyncLifetime
{
    // Tuesday 2026-03-10, 09:00 New York (EDT) = 13:00Z; the previous session is Monday 2026-03-09.
    private static readonly DateTimeOffset NineOClock = new(2026, 3, 10, 13, 0, 0, TimeSpan.Zero);
    private readonly RealTimersClock _clock = new(NineOClock);
    private TestDatabase _db = null!;
    private MorningBriefHarness _h = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(server);
        _h = new MorningBriefHarness(_db, _clock);
        _h.WriteVix(new DateOnly(2026, 3, 10));
    }

    public async Task DisposeAsync()
    {
        _h.Dispose();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task AtNineOnASession_QueuesTheBrief_Once()
    {
        var put = await _h.Risk.OpenSpyPutAsync();
        _h.Risk.Quotes.Underlying("SPY", 585.80m, NineOClock);
        var job = Job(_h.Service());

        await job.Execute(null!, CancellationToken.None);
        await job.Execute(null!, CancellationToken.None);

        Assert.Equal(1, await _db.CountAsync("outbox", "dedup_key = 'morning-brief:2026-03-10' AND payload->>'kind' = 'morning_brief'"));
        var text = await _db.ScalarAsync<string>("SELECT payload->>'text' FROM outbox");
        Assert.StartsWith(MorningBriefHarness.TuesdayBriefStart(put.PositionId) + "daily_loss 0%, drawdown 0%, var ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-04-03T13:00:00Z", "Good Friday")]
    [InlineData("2026-03-14T14:00:00Z", "a Saturday")]
    public async Task OnAHolidayOrAWeekend_QueuesNothing(string at, string why)
    {
        _clock.SetUtcNow(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));

        await Job(_h.Service()).Execute(null!, CancellationToken.None);

        Assert.True(await _db.CountAsync("outbox") == 0, why);
    }

    [Fact]
    public async Task WithoutVixData_TheBriefStillGoes_AndSaysSo()
    {
        await Job(_h.Service(vixFile: "/nonexistent/vix_daily.csv")).Execute(null!, CancellationToken.None);

        var text = await _db.ScalarAsync<string>("SELECT payload->>'text' FROM outbox WHERE dedup_key = 'morning-brief:2026-03-10'");
        Assert.Contains("\n! VIX: the daily series could not be read: ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("IV rank", text, StringComparison.Ordinal);
        Assert.Contains("Open: 0 position(s)", text, StringComparison.Ordinal);
    }

    private MorningBriefJob Job(Core.Brief.MorningBriefService service) => new(service, _clock, NullLogger<MorningBriefJob>.Instance);
}
