using System.Globalization;
using System.Text.Json;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Integration.Tests.MarketData;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// <c>optauto exits check</c> and <c>optauto alerts list</c> as real processes, replaying the real SPY 2021
/// end-of-day quotes (data/market/chains/spy_2021) through the CSV provider and filling through the paper
/// broker with a penny of price improvement and 0.65 per contract. EOD quotes are stamped 16:00 New York
/// (21:00Z in January), so <c>--at</c> 21:00Z is a fresh mark and the next morning is a stale one.
/// Positions are one-contract SPY CSPs opened 2021-01-04 and seeded in-process; every expected figure is
/// worked out from the quoted rows in the comments.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class ExitCliTests(PostgresServer server) : CliTestBase(server)
{
    private const string Jan4Close = "2021-01-04T21:00:00Z";
    private const string Jan5Close = "2021-01-05T21:00:00Z";
    private const string Jan8Close = "2021-01-08T21:00:00Z";

    private static readonly DateTimeOffset Opened = DateTimeOffset.Parse("2021-01-04T15:00:00Z", CultureInfo.InvariantCulture);
    private static readonly DateOnly Jan29 = new(2021, 1, 29);
    private static readonly DateOnly Feb19 = new(2021, 2, 19);

    protected override IReadOnlyDictionary<string, string> CliEnvironment { get; } = new Dictionary<string, string>
    {
        ["MarketData__Provider"] = "csv",
        ["MarketData__Csv__ChainFiles__0"] = MarketDataFiles.SpyOptions2021,
        ["MarketData__Csv__UnderlyingFiles__SPY"] = MarketDataFiles.SpyStock2021,
        ["Broker__Paper__PriceImprovement"] = "0.01",
        ["Broker__Paper__FeePerContract"] = "0.65",
        // These tests pin marketable closes at the touch (less the improvement); walking closes: PriceWalkCloseTests.
        ["Execution__PriceWalk__Enabled"] = "false",
    };

    [Fact]
    public async Task DryRun_DecidesEveryKindFromTheQuotes_AndWritesNothing()
    {
        // 2021-01-05 close: 24 DTE for 2021-01-29, 45 DTE for 2021-02-19.
        // 355 put: bid 3.45 ask 3.47, mid 3.46; credit 7.00 -> P&L 354.00 >= target 350.00.
        var target = await SeedSpyCspAsync("dry-target", Jan29, 355m, 7.00m, Opened);
        // 360 put: bid 4.33 ask 4.36, mid 4.345; credit 4.50 -> P&L 15.50, target 225, stop 900.
        var hold = await SeedSpyCspAsync("dry-hold", Jan29, 360m, 4.50m, Opened);
        // 345 put: last quoted 2021-01-04 (bid 2.76 ask 2.78, mid 2.77), a day old.
        var stale = await SeedSpyCspAsync("dry-stale", Jan29, 345m, 2.80m, Opened);
        // 340 put: never quoted.
        var unusable = await SeedSpyCspAsync("dry-unusable", Jan29, 340m, 2.00m, Opened);
        // 2021-02-19 370 put: bid 9.81 ask 9.86, mid 9.835; credit 3.00 -> P&L -683.50, stop 600.
        var stop = await SeedSpyCspAsync("dry-stop", Feb19, 370m, 3.00m, Opened);
        var before = await SnapshotAsync("positions", "position_id");
        var auditBefore = await Db.CountAsync("audit_events");

        var run = (await Cli.RunAsync("exits", "check", "--dry-run", "--at", Jan5Close, "--json")).Succeeded();

        var rows = RowsById(run);
        Assert.Equal(5, rows.Count);

        var t = rows[target.PositionId];
        AssertRow(t, target, "EXIT", "profit_target", "P&L 354.00 reached the target 350.00", 24, 3.46m, 354.00m);
        var h = rows[hold.PositionId];
        AssertRow(h, hold, "HOLD", "P&L 15.50: target 225.00, stop -900.00, 24 DTE", "P&L 15.50: target 225.00, stop -900.00, 24 DTE", 24, 4.345m, 15.50m);
        var s = rows[stale.PositionId];
        const string StaleDetail = "price rules skipped: quotes are 24 h old (limit 10 min)";
        AssertRow(s, stale, "STALE", StaleDetail, StaleDetail, 24, 2.77m, null);
        var u = rows[unusable.PositionId];
        const string UnusableDetail = "price rules skipped: no quote for SPY   210129P00340000";
        AssertRow(u, unusable, "UNUSABLE", UnusableDetail, UnusableDetail, 24, null, null);
        var l = rows[stop.PositionId];
        AssertRow(l, stop, "EXIT", "stop_loss", "loss 683.50 reached the stop 600.00", 45, 9.835m, -683.50m);

        foreach (var row in rows.Values)
        {
            Assert.True(row.IsNull("outcome"), $"a dry run executes nothing.{Environment.NewLine}{run}");
            Assert.True(row.IsNull("exit_price"));
            Assert.True(row.IsNull("realized_pnl"));
            Assert.True(row.IsNull("order_error"));
        }

        // Nothing written: no mark stored, no order, no fill, no alert, no audit event, no trade.
        Assert.Equal(before, await SnapshotAsync("positions", "position_id"));
        Assert.Equal(5L, await Db.CountAsync("positions", "status = 'OPEN' AND mark_status IS NULL AND mark_price IS NULL"));
        Assert.Equal(auditBefore, await Db.CountAsync("audit_events"));
        Assert.Equal(0L, await Db.CountAsync("orders"));
        Assert.Equal(0L, await Db.CountAsync("fills"));
        Assert.Equal(0L, await Db.CountAsync("outbox"));
        Assert.Equal(0L, await Db.CountAsync("trade_history"));

        // The same run for people: one row per position with its decision, and a summary line.
        var table = (await Cli.RunAsync("exits", "check", "--dry-run", "--at", Jan5Close)).Succeeded();
        foreach (var word in new[] { "EXIT", "HOLD", "STALE", "UNUSABLE" })
        {
            Assert.True(table.Stdout.Contains(word, StringComparison.Ordinal), $"no {word} in the table.{Environment.NewLine}{table}");
        }

        Assert.Contains("5 open position(s) checked as of 2021-01-05 21:00:00Z (2021-01-05 New York)", table.Stdout, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync("positions", "position_id"));
        Assert.Equal(0L, await Db.CountAsync("outbox"));
    }

    [Fact]
    public async Task Check_ClosesEveryExitThroughThePaperBroker_AndQueuesTheExitAlerts()
    {
        // 2021-01-08 close, ask - 0.01 improvement, 0.65 per contract.
        // 2021-02-19 370 put: bid 5.56 ask 5.60, mid 5.58; credit 12.00 -> P&L 642.00 >= 600.00 -> profit_target.
        //   Fill 5.59: (12.00 - 5.59) x 100 - 0.65 = 640.35, 640.35 / 1200 = 53.36%.
        var target = await SeedSpyCspAsync("run-target", Feb19, 370m, 12.00m, Opened);
        // 2021-01-29 355 put: bid 1.39 ask 1.41, mid 1.40; credit 1.45 -> P&L 5.00 (target 72.50); 21 DTE -> 21dte.
        //   Fill 1.40: (1.45 - 1.40) x 100 - 0.65 = 4.35, 4.35 / 145 = 3%.
        var dte = await SeedSpyCspAsync("run-21dte", Jan29, 355m, 1.45m, Opened);
        // 2021-02-19 355 put: bid 3.17 ask 3.20, mid 3.185; credit 3.30 -> P&L 11.50, 42 DTE -> HOLD.
        var hold = await SeedSpyCspAsync("run-hold", Feb19, 355m, 3.30m, Opened);

        var run = (await Cli.RunAsync("exits", "check", "--at", Jan8Close, "--json")).Succeeded();

        var rows = RowsById(run);
        Assert.Equal(3, rows.Count);
        var t = rows[target.PositionId];
        AssertRow(t, target, "EXIT", "profit_target", "P&L 642.00 reached the target 600.00", 42, 5.58m, 642.00m);
        AssertClosedRow(t, 5.59m, 640.35m);
        var d = rows[dte.PositionId];
        AssertRow(d, dte, "EXIT", "21dte", "21 days to expiry (exit at 21)", 21, 1.40m, 5.00m);
        AssertClosedRow(d, 1.40m, 4.35m);
        var h = rows[hold.PositionId];
        AssertRow(h, hold, "HOLD", "P&L 11.50: target 165.00, stop -660.00, 42 DTE", "P&L 11.50: target 165.00, stop -660.00, 42 DTE", 42, 3.185m, 11.50m);
        Assert.True(h.IsNull("outcome"));
        Assert.True(h.IsNull("order_error"));

        // The closed positions and their round trips, closed at the replayed instant by the exit job.
        Assert.Equal(1L, await Db.CountAsync("positions",
            $"position_id = {target.PositionId} AND status = 'CLOSED' AND exit_reason = 'profit_target' AND exit_price = 5.59 " +
            $"AND realized_pnl = 640.35 AND pnl_percent = 53.36 AND fees = 0.65 AND days_held = 4 AND exit_date = '{Jan8Close}'"));
        Assert.Equal(1L, await Db.CountAsync("positions",
            $"position_id = {dte.PositionId} AND status = 'CLOSED' AND exit_reason = '21dte' AND exit_price = 1.40 " +
            $"AND realized_pnl = 4.35 AND pnl_percent = 3.00 AND fees = 0.65 AND exit_date = '{Jan8Close}'"));
        Assert.Equal(2L, await Db.CountAsync("trade_history"));
        Assert.Equal(1L, await Db.CountAsync("trade_history",
            $"position_id = {target.PositionId} AND request_id = 'run-target' AND entry_price = 12.00 AND exit_price = 5.59 " +
            "AND pnl_realized = 640.35 AND pnl_percent = 53.36 AND fees = 0.65 AND win_loss = 'WIN' AND status = 'CLOSED' " +
            $"AND executed_by = 'auto' AND exit_reason = 'profit_target' AND closed_at = '{Jan8Close}' AND exit_date = '{Jan8Close}'"));
        Assert.Equal(1L, await Db.CountAsync("trade_history",
            $"position_id = {dte.PositionId} AND exit_price = 1.40 AND pnl_realized = 4.35 AND pnl_percent = 3.00 AND fees = 0.65 " +
            "AND win_loss = 'WIN' AND status = 'CLOSED' AND executed_by = 'auto' AND exit_reason = '21dte'"));
        Assert.Equal(2L, await Db.CountAsync("audit_events", "event_type = 'position.closed' AND actor = 'exit-job'"));

        // One filled closing order per exit, with its buy-to-close fill at ask - improvement.
        Assert.Equal(1L, await Db.CountAsync("orders",
            $"position_id = {target.PositionId} AND intent = 'CLOSE' AND reason = 'profit_target' AND status = 'FILLED' AND fill_price = 5.59 AND fees = 0.65"));
        Assert.Equal(1L, await Db.CountAsync("orders",
            $"position_id = {dte.PositionId} AND intent = 'CLOSE' AND reason = '21dte' AND status = 'FILLED' AND fill_price = 1.40 AND fees = 0.65"));
        Assert.Equal(2L, await Db.CountAsync("orders"));
        Assert.Equal(1L, await Db.CountAsync("fills", $"position_id = {target.PositionId} AND side = 'BUY' AND quantity = 1 AND price = 5.59 AND symbol = 'SPY   210219P00370000'"));
        Assert.Equal(1L, await Db.CountAsync("fills", $"position_id = {dte.PositionId} AND side = 'BUY' AND quantity = 1 AND price = 1.40 AND symbol = 'SPY   210129P00355000'"));

        // The held position stays OPEN with the fresh mark stored: price, P&L, excursions, Greeks.
        Assert.Equal(1L, await Db.CountAsync("positions",
            $"position_id = {hold.PositionId} AND status = 'OPEN' AND mark_status = 'FRESH' AND mark_price = 3.185 AND unrealized_pnl = 11.50 " +
            $"AND mae = 11.50 AND mfe = 11.50 AND stop_breaches = 0 AND marked_at = '{Jan8Close}' AND delta IS NOT NULL AND exit_date IS NULL"));
        Assert.Equal(0L, await Db.CountAsync("orders", $"position_id = {hold.PositionId}"));

        // The outbox: the two exit alerts and nothing else (every mark was fresh).
        var targetText = $"Position {target.PositionId} exited — SPY CSP — profit_target — +$640.35 (53.36%)";
        var dteText = $"Position {dte.PositionId} exited — SPY CSP — 21dte — +$4.35 (3%)";
        Assert.Equal(2L, await Db.CountAsync("outbox"));
        Assert.Equal(1L, await Db.CountAsync("outbox",
            $"dedup_key = 'exit:{target.PositionId}' AND channel = 'alert' AND payload->>'kind' = 'exit' AND (payload->>'position_id')::bigint = {target.PositionId} " +
            $"AND payload->>'request_id' = 'run-target' AND payload->>'text' = '{targetText}' AND delivered_at IS NULL"));
        Assert.Equal(1L, await Db.CountAsync("outbox",
            $"dedup_key = 'exit:{dte.PositionId}' AND payload->>'kind' = 'exit' AND payload->>'text' = '{dteText}' AND delivered_at IS NULL"));

        // ... and as alerts list shows them (the keys that carry ids are checked in AlertCliTests).
        var alerts = (await Cli.RunAsync("alerts", "list", "--json")).Succeeded().Json().Items();
        Assert.Equal(2, alerts.Length);
        Assert.Equal(
            new[] { targetText, dteText }.Order(StringComparer.Ordinal),
            alerts.Select(a => a.Str("text") ?? "").Order(StringComparer.Ordinal));
        foreach (var alert in alerts)
        {
            Assert.Equal("exit", alert.Str("kind"));
            Assert.Equal("alert", alert.Str("channel"));
            Assert.Equal(0L, alert.Int("attempts"));
            Assert.True(alert.IsNull("delivered_at"));
            Assert.True(alert.IsNull("last_error"));
        }
    }

    [Fact]
    public async Task Check_WhenTheClosingOrderIsRejected_ExitsOneKeepsThePositionOpenAndAlerts()
    {
        // 2021-01-29 340 put is never quoted: 21 DTE fires on 2021-01-08 without a price, and the paper
        // broker rejects the order for want of a two-sided quote.
        var position = await SeedSpyCspAsync("run-unquoted", Jan29, 340m, 2.00m, Opened);

        var run = (await Cli.RunAsync("exits", "check", "--at", Jan8Close, "--json")).WasRefused();

        var row = Assert.Single(run.Json().Items());
        Assert.Equal(position.PositionId, row.Int("position_id"));
        Assert.Equal("EXIT", row.Str("decision"));
        Assert.Equal("21dte", row.Str("reason"));
        Assert.Equal("21 days to expiry (exit at 21); price rules skipped: no quote for SPY   210129P00340000", row.Str("detail"));
        Assert.True(row.IsNull("mark_price"));
        Assert.True(row.IsNull("unrealized_pnl"));
        Assert.Equal("FAILED", row.Str("outcome"));
        Assert.Equal("no two-sided quote for SPY   210129P00340000", row.Str("order_error"));
        Assert.True(row.IsNull("exit_price"));
        Assert.True(row.IsNull("realized_pnl"));

        Assert.Equal(1L, await Db.CountAsync("positions", $"position_id = {position.PositionId} AND status = 'OPEN' AND mark_status = 'UNUSABLE'"));
        Assert.Equal(0L, await Db.CountAsync("trade_history"));
        Assert.Equal(1L, await Db.CountAsync("orders", $"position_id = {position.PositionId} AND status = 'REJECTED' AND error = 'no two-sided quote for SPY   210129P00340000'"));
        Assert.Equal(1L, await Db.CountAsync("outbox", "payload->>'kind' = 'exit_failed'"));
        Assert.Equal(1L, await Db.CountAsync("outbox", $"payload->>'kind' = 'mark_unusable' AND dedup_key = 'mark:{position.PositionId}:UNUSABLE:2021-01-08'"));
    }

    [Fact]
    public async Task Check_OnAStaleMark_KeepsTheLastGoodMarkAndAlertsOncePerDay()
    {
        // 345 put: bid 2.76 ask 2.78 on 2021-01-04 and no later quote; credit 2.80 -> P&L 3.00 at the close.
        var position = await SeedSpyCspAsync("stale-345", Jan29, 345m, 2.80m, Opened);

        var fresh = Assert.Single((await Cli.RunAsync("exits", "check", "--at", Jan4Close, "--json")).Succeeded().Json().Items());
        Assert.Equal("HOLD", fresh.Str("decision"));
        Assert.Equal(25L, fresh.Int("days_to_expiry"));
        Assert.Equal(2.77m, fresh.Dec("mark_price"));
        Assert.Equal(3.00m, fresh.Dec("unrealized_pnl"));

        // 10:00 New York the next day, before that day's close: the quote is 18 h old. Twice, an hour apart.
        var first = Assert.Single((await Cli.RunAsync("exits", "check", "--at", "2021-01-05T15:00:00Z", "--json")).Succeeded().Json().Items());
        Assert.Equal("STALE", first.Str("decision"));
        Assert.Equal("price rules skipped: quotes are 18 h old (limit 10 min)", first.Str("reason"));
        Assert.Equal(24L, first.Int("days_to_expiry"));
        Assert.Equal(2.77m, first.Dec("mark_price"));
        Assert.True(first.IsNull("unrealized_pnl"));
        Assert.True(first.IsNull("outcome"));
        var second = Assert.Single((await Cli.RunAsync("exits", "check", "--at", "2021-01-05T16:00:00Z", "--json")).Succeeded().Json().Items());
        Assert.Equal("STALE", second.Str("decision"));
        Assert.Equal("price rules skipped: quotes are 19 h old (limit 10 min)", second.Str("reason"));

        // The position is flagged but keeps the last fresh values.
        Assert.Equal(1L, await Db.CountAsync("positions",
            $"position_id = {position.PositionId} AND status = 'OPEN' AND mark_status = 'STALE' AND mark_problem LIKE 'quotes are % old (limit 10 min)' " +
            $"AND mark_price = 2.77 AND unrealized_pnl = 3.00 AND mae = 3.00 AND mfe = 3.00 AND marked_at = '{Jan4Close}'"));
        Assert.Equal(1L, await Db.CountAsync("audit_events", $"position_id = {position.PositionId} AND event_type = 'position.mark_fresh'"));
        Assert.Equal(1L, await Db.CountAsync("audit_events", $"position_id = {position.PositionId} AND event_type = 'position.mark_stale'"));
        Assert.Equal(0L, await Db.CountAsync("orders"));

        // One alert for the day, however often the job runs.
        var staleText = $"Position {position.PositionId} SPY CSP: mark is STALE (quotes are 18 h old (limit 10 min)); price exits are paused.";
        Assert.Equal(1L, await Db.CountAsync("outbox"));
        Assert.Equal(1L, await Db.CountAsync("outbox",
            $"dedup_key = 'mark:{position.PositionId}:STALE:2021-01-05' AND channel = 'alert' AND payload->>'kind' = 'mark_stale' " +
            $"AND (payload->>'position_id')::bigint = {position.PositionId} AND payload->>'text' = '{staleText}' AND delivered_at IS NULL"));

        // alerts list --pending shows it, and not an alert already delivered.
        await Db.ExecuteAsync(
            "INSERT INTO outbox (dedup_key, channel, payload, created_at, available_at, attempts, delivered_at) VALUES " +
            "('delivered-earlier', 'alert', '{\"kind\": \"exit\", \"text\": \"delivered earlier\"}', '2021-01-04T21:05:00Z', '2021-01-04T21:05:00Z', 1, '2021-01-04T21:05:01Z')");
        var pending = (await Cli.RunAsync("alerts", "list", "--pending", "--json")).Succeeded().Json().Items();
        var alert = Assert.Single(pending);
        Assert.Equal("mark_stale", alert.Str("kind"));
        Assert.Equal("alert", alert.Str("channel"));
        Assert.Equal(staleText, alert.Str("text"));
        Assert.Equal(0L, alert.Int("attempts"));
        Assert.True(alert.IsNull("delivered_at"));
        Assert.True(alert.IsNull("last_error"));
    }

    private static Dictionary<long, JsonElement> RowsById(CliResult run) =>
        run.Json().Items().ToDictionary(r => r.Int("position_id"));

    private static void AssertRow(
        JsonElement row, Position position, string decision, string reason, string detail, int daysToExpiry, decimal? markPrice, decimal? unrealizedPnl)
    {
        Assert.Equal(position.PositionId, row.Int("position_id"));
        Assert.Equal("SPY", row.Str("ticker"));
        Assert.Equal("CSP", row.Str("strategy_type"));
        Assert.Equal(decision, row.Str("decision"));
        Assert.Equal(reason, row.Str("reason"));
        Assert.Equal(detail, row.Str("detail"));
        Assert.Equal(daysToExpiry, row.Int("days_to_expiry"));
        Assert.Equal(markPrice, row.IsNull("mark_price") ? null : row.Dec("mark_price"));
        Assert.Equal(unrealizedPnl, row.IsNull("unrealized_pnl") ? null : row.Dec("unrealized_pnl"));
    }

    private static void AssertClosedRow(JsonElement row, decimal exitPrice, decimal realizedPnl)
    {
        Assert.Equal("CLOSED", row.Str("outcome"));
        Assert.Equal(exitPrice, row.Dec("exit_price"));
        Assert.Equal(realizedPnl, row.Dec("realized_pnl"));
        Assert.True(row.IsNull("order_error"));
    }

    /// <summary>The whole table as JSON text, to show that a run changed nothing in it.</summary>
    private async Task<string> SnapshotAsync(string table, string orderBy)
    {
        await using var command = Db.DataSource.CreateCommand($"SELECT coalesce(json_agg(t ORDER BY {orderBy})::text, '[]') FROM {table} t");
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
