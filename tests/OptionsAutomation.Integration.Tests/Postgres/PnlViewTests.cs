using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Postgres;

/// <summary>
/// v_daily_pnl and v_performance_metrics against figures computed by hand for five trades over two
/// New York days and three tickers, one of them closed at 20:30 ET (already the next day in UTC).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PnlViewTests(PostgresServer server) : IAsyncLifetime
{
    private readonly RealTimersClock _clock = new(new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(server);
        var positions = _db.Positions(_clock);

        // A  SPY CSP 580 x1 @1.50, closed 0.75 Mar 2 10:00 ET             → +75.00  WIN
        // B  SPY VPC 580/575 x2 @1.20 fees 2.60, closed 0.40 Mar 2 20:30 ET → +157.40 WIN (UTC date is Mar 3)
        // C  QQQ CSP 480 x1 @2.00 fees 1.30, closed 4.50 Mar 2 13:00 ET    → −251.30 LOSS
        // D  SPY CSP 570 x1 @1.00, closed 1.00 Mar 4 09:45 ET              →    0.00 LOSS (break-even)
        // E  IWM VPC 200/195 x3 @1.10, expired 0.00 Mar 4 16:00 ET          → +330.00 WIN
        await Trade(positions, "A", StrategyType.CashSecuredPut, "SPY", 580m, null, 1.50m, 1, 0m, 0.75m, "2026-03-02T15:00:00Z");
        await Trade(positions, "B", StrategyType.VerticalPutCredit, "SPY", 580m, 575m, 1.20m, 2, 2.60m, 0.40m, "2026-03-03T01:30:00Z");
        await Trade(positions, "C", StrategyType.CashSecuredPut, "QQQ", 480m, null, 2.00m, 1, 1.30m, 4.50m, "2026-03-02T18:00:00Z");
        await Trade(positions, "D", StrategyType.CashSecuredPut, "SPY", 570m, null, 1.00m, 1, 0m, 1.00m, "2026-03-04T14:45:00Z");
        await Trade(positions, "E", StrategyType.VerticalPutCredit, "IWM", 200m, 195m, 1.10m, 3, 0m, 0.00m, "2026-03-04T21:00:00Z", ExitReason.Expired);
        // An open position is not a trade and must not count.
        await positions.OpenAsync(Request("open", StrategyType.CashSecuredPut, "SPY", 560m, null, 1m, 1, 0m));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task DailyPnl_GroupsByNewYorkCloseDateAndTicker()
    {
        var days = await _db.Positions(_clock).DailyPnlAsync(null);

        Assert.Equal(
            [
                new DailyPnl(new DateOnly(2026, 3, 4), "IWM", 1, 1, 0, 100.00m, 330.00m, 330.00m),
                new DailyPnl(new DateOnly(2026, 3, 4), "SPY", 1, 0, 1, 0.00m, 0.00m, 0.00m),
                new DailyPnl(new DateOnly(2026, 3, 2), "QQQ", 1, 0, 1, 0.00m, -251.30m, -251.30m),
                new DailyPnl(new DateOnly(2026, 3, 2), "SPY", 2, 2, 0, 100.00m, 232.40m, 116.20m),
            ],
            days);
    }

    [Fact]
    public async Task DailyPnl_ForOneDate_HasNothingOnTheUtcDateOfTheEveningClose()
    {
        var positions = _db.Positions(_clock);

        Assert.Empty(await positions.DailyPnlAsync(new DateOnly(2026, 3, 3)));
        Assert.Equal(2, (await positions.DailyPnlAsync(new DateOnly(2026, 3, 2))).Count);
    }

    [Fact]
    public async Task PerformanceMetrics_MatchHandComputedFigures()
    {
        var metrics = await _db.Positions(_clock).PerformanceAsync();

        // Sample standard deviation of {75, 157.40, −251.30, 0, 330} = 213.9479…
        Assert.Equal(new PerformanceMetrics(5, 3, 2, 60.00m, 311.10m, 62.22m, -251.30m, 330.00m, 213.95m), metrics);
    }

    [Fact]
    public async Task History_FiltersByNewYorkCloseDate()
    {
        var trades = await _db.Positions(_clock).HistoryAsync(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 2));

        Assert.Equal(["A", "C", "B"], trades.Select(t => t.RequestId));
        Assert.Equal(PositionStatus.Expired, Assert.Single(await _db.Positions(_clock).HistoryAsync(new DateOnly(2026, 3, 4), null), t => t.Ticker == "IWM").Status);
    }

    [Fact]
    public async Task PerformanceMetrics_WithNoTrades_AreZeroNotNull()
    {
        await using var empty = await TestDatabase.CreateAsync(server);

        var metrics = await empty.Positions(_clock).PerformanceAsync();

        Assert.Equal(new PerformanceMetrics(0, 0, 0, 0m, 0m, 0m, 0m, 0m, null), metrics);
    }

    private static async Task Trade(
        PositionManager positions, string id, StrategyType strategy, string ticker, decimal shortStrike, decimal? longStrike,
        decimal credit, int quantity, decimal fees, decimal exitPrice, string closedAt, ExitReason reason = ExitReason.ProfitTarget)
    {
        var opened = await positions.OpenAsync(Request(id, strategy, ticker, shortStrike, longStrike, credit, quantity, fees));
        await positions.CloseAsync(opened.Position.PositionId, new PositionExit(exitPrice, reason, DateTimeOffset.Parse(closedAt, System.Globalization.CultureInfo.InvariantCulture), ExecutedBy.Auto, "test"));
    }

    private static OpenPositionRequest Request(string id, StrategyType strategy, string ticker, decimal shortStrike, decimal? longStrike, decimal credit, int quantity, decimal fees) => new()
    {
        RequestId = id,
        Strategy = strategy,
        Ticker = ticker,
        Expiration = new DateOnly(2026, 3, 20),
        ShortStrike = shortStrike,
        LongStrike = longStrike,
        Credit = credit,
        Quantity = quantity,
        Fees = fees,
        OpenedAt = new DateTimeOffset(2026, 2, 2, 15, 0, 0, TimeSpan.Zero),
        Actor = "test",
    };
}
