using Microsoft.Extensions.Logging.Abstractions;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Integration.Tests.Exits;
using OptionsAutomation.Integration.Tests.Support;
using OptionsAutomation.Worker.Jobs;

namespace OptionsAutomation.Integration.Tests.Worker;

/// <summary>The five-minute job: the design.md worked example through it, and the NYSE hours that gate it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ExitRulesJobTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly NyseCalendar Calendar = new();
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task WorkedExample_AtTenThirtyFiveOnASession_ClosesWithHistoryAndAlert()
    {
        // Wednesday 2026-03-11, 10:35 New York = 14:35Z (EDT since March 8).
        var tick = new DateTimeOffset(2026, 3, 11, 14, 35, 0, TimeSpan.Zero);
        var (h, job, position) = await SeedWinnerAsync(tick);

        Assert.True(await job.RunTickAsync(CancellationToken.None));

        var closed = (await h.Positions.FindAsync(position.PositionId))!;
        Assert.Equal(PositionStatus.Closed, closed.Status);
        Assert.Equal(ExitReason.ProfitTarget, closed.ExitReason);
        var trade = Assert.Single(await h.Positions.HistoryAsync(null, null));
        Assert.Equal((0.75m, 75.00m, 50.00m, TradeOutcome.Win, tick), (trade.ExitPrice, trade.PnlRealized, trade.PnlPercent, trade.WinLoss, trade.ClosedAt));
        Assert.Equal(1, await _db.CountAsync("outbox", $"payload->>'text' = 'Position {position.PositionId} exited — SPY CSP — profit_target — +$75.00 (50%)'"));
    }

    [Theory]
    [InlineData("2026-03-14T15:35:00Z", "Saturday")]
    [InlineData("2026-04-03T14:35:00Z", "Good Friday")]
    [InlineData("2026-03-11T13:29:00Z", "09:29 ET, before the open")]
    [InlineData("2026-03-11T20:00:00Z", "16:00 ET, the close")]
    [InlineData("2026-11-27T18:05:00Z", "13:05 ET after the day-after-Thanksgiving early close")]
    public async Task OutsideASession_DoesNothing(string at, string why)
    {
        var tick = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        var (h, job, position) = await SeedWinnerAsync(tick);

        Assert.False(await job.RunTickAsync(CancellationToken.None), why);

        Assert.Equal(position, await h.Positions.FindAsync(position.PositionId));
        Assert.Equal(0, await _db.CountAsync("orders"));
    }

    [Fact]
    public async Task JustBeforeAnEarlyClose_Runs()
    {
        // 12:55 ET on Friday 2026-11-27 (EST): the session closes at 13:00.
        var (_, job, _) = await SeedWinnerAsync(new DateTimeOffset(2026, 11, 27, 17, 55, 0, TimeSpan.Zero));

        Assert.True(await job.RunTickAsync(CancellationToken.None));
        Assert.Equal(1, await _db.CountAsync("trade_history"));
    }

    /// <summary>The worked example's CSP with a fresh 0.74/0.76 quote one minute before the tick.</summary>
    private async Task<(ExitHarness, ExitRulesJob, Position)> SeedWinnerAsync(DateTimeOffset tick)
    {
        var clock = new RealTimersClock(tick);
        var h = new ExitHarness(_db, clock);
        var position = (await h.OpenCspAsync($"job-{tick:yyyyMMddHHmm}", 580m, 1.50m, MarketTime.DateOf(tick).AddDays(45), tick.AddDays(-7))).Position;
        h.QuoteShortPut(position, 0.74m, 0.76m, tick.AddMinutes(-1));
        return (h, new ExitRulesJob(h.Sweep(h.Review()), Calendar, clock, NullLogger<ExitRulesJob>.Instance), position);
    }
}
