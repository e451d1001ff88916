using Microsoft.Extensions.Logging.Abstractions;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Cards;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Integration.Tests.Exits;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Worker;

/// <summary>The after-close scorecard from real rows: once per session day, never before the close.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ScorecardTests(PostgresServer server) : IAsyncLifetime
{
    // Wednesday 2026-03-11 (EDT): the close is 20:00Z, the job fires at 16:05 ET = 20:05Z.
    private static readonly DateTimeOffset AfterClose = new(2026, 3, 11, 20, 5, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 3, 11);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task AfterTheClose_QueuesTheDaysTradesAndOpenRisk_Once()
    {
        var clock = new RealTimersClock(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
        var h = new ExitHarness(_db, clock);
        var winner = (await h.OpenCspAsync("w", 580m, 1.50m, new DateOnly(2026, 4, 17), clock.GetUtcNow())).Position;
        await h.OpenCspAsync("o", 560m, 1.20m, new DateOnly(2026, 4, 17), clock.GetUtcNow());
        clock.SetUtcNow(AfterClose.AddHours(-2));
        await h.Positions.CloseAsync(winner.PositionId, new PositionExit(0.75m, ExitReason.ProfitTarget, clock.GetUtcNow(), ExecutedBy.Auto, "test", 0m));
        clock.SetUtcNow(AfterClose);
        var scorecards = Scorecards(h, clock);

        var sent = await scorecards.SendAsync(Day, CancellationToken.None);
        await scorecards.SendAsync(Day, CancellationToken.None);

        Assert.NotNull(sent);
        Assert.Equal(75.00m, sent.RealizedPnl);
        Assert.Equal(1, await _db.CountAsync("outbox", "dedup_key = 'scorecard:2026-03-11' AND payload->>'kind' = 'scorecard'"));
        Assert.Equal(1, await _db.CountAsync("outbox", $"payload->>'text' = 'Scorecard 2026-03-11: 1 trade(s) closed, realized +$75.00\n  #{winner.PositionId} SPY CSP profit_target +$75.00\nOpen: 1 position(s), max loss $55,880.00, collateral $56,000.00, unrealized $0.00 (1 unmarked)\nWin rate to date: 100% of 1 trade(s), total +$75.00'"));
    }

    [Fact]
    public async Task TheQueuedScorecard_CarriesItsCard_AsAPng()
    {
        var clock = new RealTimersClock(AfterClose);

        await Scorecards(new ExitHarness(_db, clock), clock).SendAsync(Day, CancellationToken.None);

        await using var command = _db.DataSource.CreateCommand("SELECT photo FROM outbox WHERE dedup_key = 'scorecard:2026-03-11'");
        var photo = Assert.IsType<byte[]>(await command.ExecuteScalarAsync());
        using var card = SkiaSharp.SKBitmap.Decode(photo);
        Assert.Equal((ScorecardCard.Width, ScorecardCard.Height), (card.Width, card.Height));
    }

    [Fact]
    public async Task APastDay_IsReadFromTheStoredTrades_AsItStoodThen()
    {
        var clock = new RealTimersClock(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
        var h = new ExitHarness(_db, clock);
        var winner = (await h.OpenCspAsync("w", 580m, 1.50m, new DateOnly(2026, 4, 17), clock.GetUtcNow())).Position;
        var held = (await h.OpenCspAsync("o", 560m, 1.20m, new DateOnly(2026, 4, 17), clock.GetUtcNow())).Position;
        clock.SetUtcNow(AfterClose.AddHours(-2));
        await h.Positions.CloseAsync(winner.PositionId, new PositionExit(0.75m, ExitReason.ProfitTarget, clock.GetUtcNow(), ExecutedBy.Auto, "test", 0m));
        clock.SetUtcNow(AfterClose.AddDays(1).AddHours(-2)); // the next day the other one is stopped out
        await h.Positions.CloseAsync(held.PositionId, new PositionExit(3.00m, ExitReason.StopLoss, clock.GetUtcNow(), ExecutedBy.Auto, "test", 0m));
        clock.SetUtcNow(AfterClose.AddDays(5));

        var past = await Scorecards(h, clock).ReadAsync(Day, CancellationToken.None);

        Assert.NotNull(past);
        Assert.Equal([winner.PositionId], past.ClosedToday.Select(t => t.PositionId));
        Assert.Equal((1, 100m, 75.00m), (past.ToDate.Trades, past.ToDate.WinRate, past.ToDate.TotalPnl)); // the next day's loss is not "to date"
        var open = Assert.Single(past.Open); // open at that close, closed since
        Assert.Equal((held.PositionId, (decimal?)null), (open.PositionId, open.UnrealizedPnl));
        Assert.Equal(Day, past.Equity[^1].Date);
        Assert.Equal(100_075.00m, past.Equity[^1].Equity);
        Assert.Equal(0, await _db.CountAsync("outbox", "dedup_key LIKE 'scorecard:%'")); // reading queues nothing
    }

    [Theory]
    [InlineData("2026-03-11T19:59:00Z", "2026-03-11", "a minute before the close")]
    [InlineData("2026-03-14T21:00:00Z", "2026-03-14", "a Saturday")]
    public async Task BeforeTheCloseOrOffASession_SendsNothing(string at, string day, string why)
    {
        var clock = new RealTimersClock(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));

        var sent = await Scorecards(new ExitHarness(_db, clock), clock).SendAsync(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);

        Assert.Null(sent);
        Assert.True(await _db.CountAsync("outbox") == 0, why);
    }

    private ScorecardService Scorecards(ExitHarness h, RealTimersClock clock) =>
        new(h.Positions, new PostgresAlertQueue(_db.DataSource), new ScorecardCard(), new NyseCalendar(), clock, 100_000m);
}
