using System.Globalization;
using OptionsAutomation.Core.Analytics.Periods;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Hosting;
using OptionsAutomation.Infrastructure.Backtest;
using OptionsAutomation.Infrastructure.MarketData.Synthetic;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.Cards;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Worker;

/// <summary>
/// The weekly and monthly reports from real rows, fired daily as the job fires them: sent once, with the chart, on the
/// period's last session after its close, and never on another day. Good Friday 2025 (April 18) makes Thursday April 17
/// the week's last session; April 2025 ends on Wednesday the 30th. SPY's closes of those days ship in data/market.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PeriodReportJobTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData("2025-04-16T21:00:00Z", "2025-04-16", "Wednesday, after the close: not the week's last session")]
    [InlineData("2025-04-17T19:59:00Z", "2025-04-17", "Thursday a minute before the close")]
    [InlineData("2025-04-19T14:00:00Z", "2025-04-18", "Good Friday, a holiday")]
    public async Task Weekly_OnAnotherDayOrBeforeTheClose_SendsNothing(string at, string day, string why)
    {
        var clock = new RealTimersClock(DateTimeOffset.Parse(at, CultureInfo.InvariantCulture));

        var sent = await Reports(clock).SendAsync(ReportPeriodKind.Week, DateOnly.Parse(day, CultureInfo.InvariantCulture), CancellationToken.None);

        Assert.Null(sent);
        Assert.True(await _db.CountAsync("outbox") == 0, why);
    }

    /// <summary>+75 closed Wednesday April 16: Thursday after the close the week's report goes out once, with a PNG.</summary>
    [Fact]
    public async Task Weekly_OnThursdayBeforeGoodFriday_AfterTheClose_QueuedOnceWithItsChart()
    {
        var clock = new RealTimersClock(new DateTimeOffset(2025, 4, 14, 14, 0, 0, TimeSpan.Zero));
        var positions = _db.Positions(clock);
        var opened = await positions.OpenAsync(Csp("wk-1", 500m, clock.GetUtcNow()));
        clock.SetUtcNow(new DateTimeOffset(2025, 4, 17, 20, 15, 0, TimeSpan.Zero));
        await positions.CloseAsync(opened.Position.PositionId, new PositionExit(0.75m, ExitReason.ProfitTarget, new DateTimeOffset(2025, 4, 16, 18, 0, 0, TimeSpan.Zero), ExecutedBy.Auto, "test", 0m));
        var reports = Reports(clock);
        var thursday = new DateOnly(2025, 4, 17);

        var sent = await reports.SendAsync(ReportPeriodKind.Week, thursday, CancellationToken.None);
        await reports.SendAsync(ReportPeriodKind.Week, thursday, CancellationToken.None);
        var monthly = await reports.SendAsync(ReportPeriodKind.Month, thursday, CancellationToken.None);

        Assert.NotNull(sent);
        Assert.Null(monthly);
        Assert.Equal((75.00m, 4, thursday), (sent.Pnl, sent.Exposure.Count, sent.Through));
        Assert.NotNull(sent.Benchmark);
        Assert.Equal(1, await _db.CountAsync("outbox"));
        Assert.Equal(1, await _db.CountAsync("outbox", "dedup_key = 'weekly_report:2025-04-14' AND payload->>'kind' = 'weekly_report'"));
        Assert.Equal(string.Join('\n', PeriodReportText.Lines(sent)), await _db.ScalarAsync<string>("SELECT payload->>'text' FROM outbox"));
        Assert.StartsWith("Weekly report — week of 2025-04-14: 2025-04-14 to 2025-04-17, 4 session(s)\n", await _db.ScalarAsync<string>("SELECT payload->>'text' FROM outbox"), StringComparison.Ordinal);
        var photo = await _db.ScalarAsync<byte[]>("SELECT photo FROM outbox");
        Assert.Equal(PngSignature, photo.Take(8));
        Assert.True(photo.Length > 5_000, $"the chart is {photo.Length} bytes");
    }

    [Fact]
    public async Task Monthly_OnTheMonthsLastSession_QueuedOnce()
    {
        var clock = new RealTimersClock(new DateTimeOffset(2025, 4, 30, 20, 30, 0, TimeSpan.Zero));
        var reports = Reports(clock);

        var sent = await reports.SendAsync(ReportPeriodKind.Month, new DateOnly(2025, 4, 30), CancellationToken.None);
        await reports.SendAsync(ReportPeriodKind.Month, new DateOnly(2025, 4, 30), CancellationToken.None);
        var weekly = await reports.SendAsync(ReportPeriodKind.Week, new DateOnly(2025, 4, 30), CancellationToken.None);

        Assert.Equal((21, 0m), (sent!.Exposure.Count, sent.Pnl));
        Assert.Null(weekly);
        Assert.Equal(1, await _db.CountAsync("outbox", "dedup_key = 'monthly_report:2025-04-01' AND payload->>'kind' = 'monthly_report' AND photo IS NOT NULL"));
        Assert.Equal(1, await _db.CountAsync("outbox"));
    }

    private PeriodReportService Reports(RealTimersClock clock) => Reports(_db, clock);

    /// <summary>The report service as the worker composes it, over <paramref name="db"/>.</summary>
    internal static PeriodReportService Reports(TestDatabase db, RealTimersClock clock)
    {
        var calendar = new NyseCalendar();
        var reader = new PeriodReportReader(db.Positions(clock), new PaperBrokerSettings(), new BenchmarkCloses(MarketHistoryFiles.DefaultDirectory),
            new SyntheticMarketData(new SyntheticMarketDataSettings()), calendar, clock);
        return new PeriodReportService(reader, new PeriodReportChart(), new PostgresAlertQueue(db.DataSource), calendar, clock);
    }

    private static OpenPositionRequest Csp(string requestId, decimal strike, DateTimeOffset at) => new()
    {
        RequestId = requestId,
        Strategy = Core.Instruments.StrategyType.CashSecuredPut,
        Ticker = "SPY",
        Expiration = new DateOnly(2025, 5, 16),
        ShortStrike = strike,
        Credit = 1.50m,
        Quantity = 1,
        OpenedAt = at,
        Actor = "test",
    };
}
