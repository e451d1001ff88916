using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Exits;

/// <summary>Expiration day after the close: expired, assigned (with shares) and settled positions, against Postgres.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ExpirationServiceTests(PostgresServer server) : IAsyncLifetime
{
    // Friday 2026-03-20: the close is 16:00 EDT = 20:00Z; the job runs at 16:15.
    private static readonly DateOnly Expiry = new(2026, 3, 20);
    private static readonly DateTimeOffset Close = new(2026, 3, 20, 20, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset OpenedAt = new(2026, 2, 20, 15, 0, 0, TimeSpan.Zero);
    private readonly RealTimersClock _clock = new(Close.AddMinutes(15));
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task OutOfTheMoneyCsp_ExpiresWorthless_RealizingTheWholeCredit()
    {
        var h = new ExitHarness(_db, _clock);
        var position = (await h.OpenCspAsync("otm", 580m, 1.50m, Expiry, OpenedAt)).Position;
        h.Quotes.Underlying("SPY", 585.20m, Close);

        var result = Assert.Single(await h.Expirations.SettleAsync(Expiry, CancellationToken.None));

        Assert.Equal(ExitReason.Expired, result.Settlement!.Reason);
        var trade = Assert.Single(await h.Positions.HistoryAsync(null, null));
        Assert.Equal((PositionStatus.Expired, 0m, 150.00m, 100.00m, Close), (trade.Status, trade.ExitPrice, trade.PnlRealized, trade.PnlPercent, trade.ClosedAt));
        Assert.Equal(1, await _db.CountAsync("outbox", $"payload->>'kind' = 'expiration' AND payload->>'text' LIKE 'Position {position.PositionId} expired worthless%+$150.00'"));
        // Expiration is a fill at intrinsic value (0 here), under a FILLED SETTLE order.
        Assert.Equal(1, await _db.CountAsync("orders", $"client_order_id = 'settle-{position.PositionId}' AND intent = 'SETTLE' AND status = 'FILLED' AND fill_price = 0"));
        Assert.Equal(1, await _db.CountAsync("fills", $"client_order_id = 'settle-{position.PositionId}' AND side = 'BUY' AND quantity = 1 AND price = 0 AND fees = 0"));
        Assert.Equal(1, await _db.CountAsync("trade_history", $"client_order_id = 'settle-{position.PositionId}'"));
    }

    [Fact]
    public async Task InTheMoneyCsp_IsAssigned_AndBothPnlsAddUpToTheBrokers()
    {
        var h = new ExitHarness(_db, _clock);
        var put = (await h.OpenCspAsync("itm", 580m, 1.50m, Expiry, OpenedAt)).Position;
        h.Quotes.Underlying("SPY", 575.00m, Close);

        var result = Assert.Single(await h.Expirations.SettleAsync(Expiry, CancellationToken.None));

        // The put closes at its intrinsic value 5.00: (1.50 − 5.00) × 100 = −350.
        Assert.Equal(ExitReason.Assigned, result.Closed!.Trade.ExitReason);
        Assert.Equal((PositionStatus.Assigned, 5.00m, -350.00m), (result.Closed.Trade.Status, result.Closed.Trade.ExitPrice, result.Closed.Trade.PnlRealized));
        Assert.Equal(1, await _db.CountAsync("fills", $"client_order_id = 'settle-{put.PositionId}' AND side = 'BUY' AND price = 5.00"));
        var shares = (await h.Positions.FindAsync(result.SharesPositionId!.Value))!;
        Assert.Equal((StrategyType.Stock, PositionStatus.Open, 575.00m, 100, 1, "itm:assigned"),
            (shares.StrategyType, shares.Status, shares.EntryPrice, shares.Quantity, shares.Multiplier, shares.RequestId));
        Assert.Contains($"assigned from position {put.PositionId}; tax cost basis 578.50/share", shares.Notes, StringComparison.Ordinal);
        Assert.Equal(1, await _db.CountAsync("outbox", $"payload->>'kind' = 'assignment' AND payload->>'text' LIKE '%opened position {shares.PositionId}: 100 SPY at 575.00 (tax cost basis 578.50/share)'"));

        // Sell the shares later at 580: +500. Together −350 + 500 = +150 = (580 − 578.50) × 100, the broker's figure.
        _clock.SetUtcNow(Close.AddDays(3));
        var sold = await h.Positions.CloseAsync(shares.PositionId, new PositionExit(580m, ExitReason.Manual, Close.AddDays(3), ExecutedBy.Manual, "test"));
        Assert.Equal(500.00m, sold.Trade.PnlRealized);
        Assert.Equal((580m - 578.50m) * 100m, result.Closed.Trade.PnlRealized + sold.Trade.PnlRealized);
    }

    [Theory]
    [InlineData("579.99", "Assigned", "0.01")]
    [InlineData("579.995", "Expired", "0")]
    public async Task OccExerciseThreshold_IsOneCentInTheMoney(string close, string reason, string exitPrice)
    {
        var h = new ExitHarness(_db, _clock);
        await h.OpenCspAsync("edge", 580m, 1.50m, Expiry, OpenedAt);
        h.Quotes.Underlying("SPY", decimal.Parse(close, System.Globalization.CultureInfo.InvariantCulture), Close);

        var result = Assert.Single(await h.Expirations.SettleAsync(Expiry, CancellationToken.None));

        Assert.Equal(Enum.Parse<ExitReason>(reason), result.Settlement!.Reason);
        Assert.Equal(decimal.Parse(exitPrice, System.Globalization.CultureInfo.InvariantCulture), result.Closed!.Trade.ExitPrice);
    }

    [Theory]
    [InlineData("578.00", "2.00", "-80.00")]
    [InlineData("570.00", "5.00", "-380.00")]
    public async Task InTheMoneyVpc_SettlesAtIntrinsicCappedAtTheWidth(string close, string exitPrice, string pnl)
    {
        var h = new ExitHarness(_db, _clock);
        await h.OpenVpcAsync("vpc", 580m, 575m, 1.20m, Expiry, OpenedAt);
        h.Quotes.Underlying("SPY", decimal.Parse(close, System.Globalization.CultureInfo.InvariantCulture), Close);

        var result = Assert.Single(await h.Expirations.SettleAsync(Expiry, CancellationToken.None));

        Assert.Null(result.SharesPositionId);
        Assert.Equal(decimal.Parse(exitPrice, System.Globalization.CultureInfo.InvariantCulture), result.Closed!.Trade.ExitPrice);
        Assert.Equal(decimal.Parse(pnl, System.Globalization.CultureInfo.InvariantCulture), result.Closed.Trade.PnlRealized);
        Assert.Equal(0, await _db.CountAsync("positions", "strategy_type = 'STOCK'"));
    }

    [Fact]
    public async Task WithoutThatDaysClose_SettlesNothingAndAlerts()
    {
        var h = new ExitHarness(_db, _clock);
        var position = (await h.OpenCspAsync("noclose", 580m, 1.50m, Expiry, OpenedAt)).Position;
        h.Quotes.Underlying("SPY", 575m, Close.AddDays(-1));

        var result = Assert.Single(await h.Expirations.SettleAsync(Expiry, CancellationToken.None));

        Assert.Contains("not the 2026-03-20 close", result.Error, StringComparison.Ordinal);
        Assert.Equal(PositionStatus.Open, (await h.Positions.FindAsync(position.PositionId))!.Status);
        Assert.Equal(1, await _db.CountAsync("outbox", "payload->>'kind' = 'expiration_failed'"));
    }

    /// <summary>
    /// Issue 13: a settlement that fails on its day (a closing order still at work at the close) is made at a later
    /// close — at the expiration day's price, not that later close's. The first cut settled a put that ended in the
    /// money as expired worthless because the market had recovered by the Monday.
    /// </summary>
    [Fact]
    public async Task AMissedExpiration_SettlesAtTheExpirationDaysClose_NotTheLaterOne()
    {
        var monday = new DateOnly(2026, 3, 23);
        var mondayClose = Close.AddDays(3);
        var h = new ExitHarness(_db, new RealTimersClock(mondayClose.AddMinutes(15)));
        var put = (await h.OpenCspAsync("late", 580m, 1.50m, Expiry, OpenedAt)).Position;
        h.Quotes.Underlying("SPY", 575.00m, Close);
        h.Quotes.Underlying("SPY", 585.20m, mondayClose);

        var result = Assert.Single(await h.Expirations.SettleAsync(monday, CancellationToken.None));

        Assert.Equal(ExitReason.Assigned, result.Settlement!.Reason);
        Assert.Equal((PositionStatus.Assigned, 5.00m, -350.00m, Close), (result.Closed!.Trade.Status, result.Closed.Trade.ExitPrice, result.Closed.Trade.PnlRealized, result.Closed.Trade.ClosedAt));
        Assert.Equal(1, await _db.CountAsync("fills", $"client_order_id = 'settle-{put.PositionId}' AND side = 'BUY' AND price = 5.00"));
        Assert.Equal(575.00m, (await h.Positions.FindAsync(result.SharesPositionId!.Value))!.EntryPrice);
    }

    [Fact]
    public async Task AMissedExpiration_WithoutThatDaysClose_WaitsForAPerson()
    {
        // A live source answers with today's price: a Friday expiration settled on Monday fails closed.
        var monday = new DateOnly(2026, 3, 23);
        var h = new ExitHarness(_db, new RealTimersClock(Close.AddDays(3).AddMinutes(15)));
        var put = (await h.OpenCspAsync("live", 580m, 1.50m, Expiry, OpenedAt)).Position;
        h.Quotes.Underlying("SPY", 585.20m, Close.AddDays(3));

        var result = Assert.Single(await h.Expirations.SettleAsync(monday, CancellationToken.None));

        Assert.Contains("no closing price for SPY", result.Error, StringComparison.Ordinal);
        Assert.Equal(PositionStatus.Open, (await h.Positions.FindAsync(put.PositionId))!.Status);
    }

    [Fact]
    public async Task BeforeTheClose_DoesNothing()
    {
        // Its own clock: a RealTimersClock never goes back, and the class's starts after the close.
        var h = new ExitHarness(_db, new RealTimersClock(Close.AddMinutes(-5)));
        await h.OpenCspAsync("early", 580m, 1.50m, Expiry, OpenedAt);
        h.Quotes.Underlying("SPY", 585m, Close.AddHours(-1));

        Assert.Empty(await h.Expirations.SettleAsync(Expiry, CancellationToken.None));
        Assert.Equal(0, await _db.CountAsync("trade_history"));
    }
}
