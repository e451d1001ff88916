using System.Globalization;
using System.Text.Json;
using Npgsql;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// <c>optauto positions add|list|show|close</c>, <c>history</c>, <c>pnl daily</c> and <c>metrics</c> run as real
/// processes, checked against their JSON and the rows in Postgres.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class PositionCliTests(PostgresServer server) : CliTestBase(server)
{
    private static readonly DateTimeOffset OpenedAtInstant = DateTimeOffset.Parse(OpenedAt, CultureInfo.InvariantCulture);
    private static readonly DateTimeOffset ClosedAtInstant = DateTimeOffset.Parse(ClosedAt, CultureInfo.InvariantCulture);

    [Fact]
    public async Task ReadmeSession_AddListShowCloseAndReport_MatchesTheWorkedExample()
    {
        const string RequestId = "readme-spy-1";

        // add: SPY CSP 580, 1 contract, credit 1.50 (design.md worked example).
        var add = (await Cli.RunAsync(AddReadmeCsp("--request-id", RequestId, "--notes", "README session", "--json"))).Succeeded();
        Assert.Equal("", add.Stderr);
        var opened = add.Json();
        var id = opened.Int("position_id");
        Assert.Equal(RequestId, opened.Str("request_id"));
        Assert.Equal("SPY", opened.Str("ticker"));
        Assert.Equal("CSP", opened.Str("strategy_type"));
        Assert.Equal("OPEN", opened.Str("status"));
        Assert.Equal(OpenedAtInstant, opened.Instant("entry_date"));
        Assert.Equal(Expiration, opened.Str("expiration"));
        Assert.Equal(1.50m, opened.Dec("entry_price"));
        Assert.Equal(1L, opened.Int("quantity"));
        Assert.Equal(580m, opened.Dec("short_strike"));
        Assert.True(opened.IsNull("long_strike"));
        Assert.Equal(100L, opened.Int("multiplier"));
        Assert.Equal(0m, opened.Dec("fees"));
        Assert.Equal(75m, opened.Dec("profit_target"));
        Assert.Equal(300m, opened.Dec("stop_loss"));
        Assert.Equal(57850m, opened.Dec("max_loss"));
        Assert.Equal(58000m, opened.Dec("collateral"));
        Assert.Equal("README session", opened.Str("notes"));
        Assert.True(opened.IsNull("exit_date"));
        Assert.True(opened.IsNull("exit_price"));
        Assert.True(opened.IsNull("realized_pnl"));
        var leg = Assert.Single(opened.GetProperty("legs").Items());
        Assert.Equal(SpyPut580, leg.Str("symbol"));
        Assert.Equal("short", leg.Str("side"));
        Assert.Equal("put", leg.Str("right"));
        Assert.Equal(580m, leg.Dec("strike"));

        Assert.Equal(1L, await Db.CountAsync("positions"));
        Assert.Equal(1L, await Db.CountAsync("positions",
            $"position_id = {id} AND request_id = '{RequestId}' AND status = 'OPEN' AND entry_price = 1.50 AND profit_target = 75 " +
            "AND stop_loss = 300 AND max_loss = 57850 AND collateral = 58000 AND entry_date = '2026-02-20T14:17:00Z' " +
            $"AND expiration = '{Expiration}' AND legs->0->>'symbol' = '{SpyPut580}'"));
        Assert.Equal(0L, await Db.CountAsync("trade_history"));

        // list, as people read it.
        var table = (await Cli.RunAsync("positions", "list")).Succeeded();
        Assert.Contains("1 position(s)", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("SPY", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("OPEN", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("75.00", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("300.00", table.Stdout, StringComparison.Ordinal);

        // show, by position id and by request id.
        foreach (var key in new[] { id.ToString(CultureInfo.InvariantCulture), RequestId })
        {
            var shown = (await Cli.RunAsync("positions", "show", key, "--json")).Succeeded().Json();
            Assert.Equal(id, shown.Int("position_id"));
            Assert.Equal(RequestId, shown.Str("request_id"));
            Assert.Equal("OPEN", shown.Str("status"));
            Assert.Equal(75m, shown.Dec("profit_target"));
            Assert.Equal(SpyPut580, shown.GetProperty("legs")[0].Str("symbol"));
        }

        // close at 0.75: (1.50 - 0.75) x 100 x 1 = 75.00, half the credit.
        var close = (await Cli.RunAsync("positions", "close", id.ToString(CultureInfo.InvariantCulture), "--price", "0.75", "--closed-at", ClosedAt, "--json")).Succeeded();
        Assert.Equal("", close.Stderr);
        var closed = close.Json();
        Assert.Equal(id, closed.Int("position_id"));
        Assert.Equal("CLOSED", closed.Str("status"));
        Assert.Equal("manual", closed.Str("exit_reason"));
        Assert.Equal(0.75m, closed.Dec("exit_price"));
        Assert.Equal(ClosedAtInstant, closed.Instant("exit_date"));
        Assert.Equal(75.00m, closed.Dec("realized_pnl"));
        Assert.Equal(50.00m, closed.Dec("pnl_percent"));
        Assert.Equal(7L, closed.Int("days_held"));

        Assert.Equal(1L, await Db.CountAsync("positions",
            $"position_id = {id} AND status = 'CLOSED' AND exit_reason = 'manual' AND exit_price = 0.75 AND realized_pnl = 75.00 " +
            "AND pnl_percent = 50.00 AND days_held = 7 AND exit_date = '2026-02-27T19:00:00Z'"));
        Assert.Equal(1L, await Db.CountAsync("trade_history"));
        Assert.Equal(1L, await Db.CountAsync("trade_history",
            $"position_id = {id} AND request_id = '{RequestId}' AND pnl_realized = 75.00 AND pnl_percent = 50.00 AND win_loss = 'WIN' " +
            "AND executed_by = 'manual' AND exit_reason = 'manual' AND status = 'CLOSED' AND closed_at = '2026-02-27T19:00:00Z'"));

        // list filters by status: nothing open any more, one closed.
        Assert.Empty((await Cli.RunAsync("positions", "list", "--json")).Succeeded().Json().Items());
        var closedList = (await Cli.RunAsync("positions", "list", "--status", "closed", "--ticker", "spy", "--json")).Succeeded().Json().Items();
        var listed = Assert.Single(closedList);
        Assert.Equal(id, listed.Int("position_id"));
        Assert.Equal("CLOSED", listed.Str("status"));
        Assert.Equal(75.00m, listed.Dec("realized_pnl"));

        // history: one winning trade, closed by hand.
        var trade = Assert.Single((await Cli.RunAsync("history", "--json")).Succeeded().Json().Items());
        Assert.Equal(id, trade.Int("position_id"));
        Assert.Equal(RequestId, trade.Str("request_id"));
        Assert.Equal("SPY", trade.Str("ticker"));
        Assert.Equal("CSP", trade.Str("strategy_type"));
        Assert.Equal("WIN", trade.Str("win_loss"));
        Assert.Equal("manual", trade.Str("executed_by"));
        Assert.Equal("manual", trade.Str("exit_reason"));
        Assert.Equal("CLOSED", trade.Str("status"));
        Assert.Equal(1.50m, trade.Dec("entry_price"));
        Assert.Equal(0.75m, trade.Dec("exit_price"));
        Assert.Equal(75.00m, trade.Dec("pnl_realized"));
        Assert.Equal(50.00m, trade.Dec("pnl_percent"));
        Assert.Equal(58000m, trade.Dec("collateral_required"));
        Assert.Equal(57850m, trade.Dec("max_risk"));
        Assert.Equal(75m, trade.Dec("target_return"));
        Assert.Equal(OpenedAtInstant, trade.Instant("entry_date"));
        Assert.Equal(ClosedAtInstant, trade.Instant("closed_at"));

        // daily P&L on the New York close date.
        var day = Assert.Single((await Cli.RunAsync("pnl", "daily", "--date", "2026-02-27", "--json")).Succeeded().Json().Items());
        Assert.Equal("2026-02-27", day.Str("trade_date"));
        Assert.Equal("SPY", day.Str("ticker"));
        Assert.Equal(1L, day.Int("trades_count"));
        Assert.Equal(1L, day.Int("wins"));
        Assert.Equal(0L, day.Int("losses"));
        Assert.Equal(100m, day.Dec("win_rate"));
        Assert.Equal(75.00m, day.Dec("total_pnl"));
        Assert.Equal(75.00m, day.Dec("avg_pnl"));

        var metrics = (await Cli.RunAsync("metrics", "--json")).Succeeded().Json();
        Assert.Equal(JsonValueKind.Object, metrics.ValueKind);
        Assert.Equal(1L, metrics.Int("total_trades"));
        Assert.Equal(1L, metrics.Int("total_wins"));
        Assert.Equal(0L, metrics.Int("total_losses"));
        Assert.Equal(100m, metrics.Dec("win_rate"));
        Assert.Equal(75.00m, metrics.Dec("total_pnl"));
        Assert.Equal(75.00m, metrics.Dec("avg_pnl_per_trade"));
        Assert.Equal(75.00m, metrics.Dec("max_win"));
        Assert.Equal(0m, metrics.Dec("max_loss"));
        Assert.True(metrics.IsNull("pnl_stddev"));

        // Closing again is refused and changes nothing.
        var again = (await Cli.RunAsync("positions", "close", id.ToString(CultureInfo.InvariantCulture), "--price", "0.10", "--closed-at", ClosedAt, "--json")).WasRefused();
        Assert.StartsWith("error: ", again.Stderr, StringComparison.Ordinal);
        Assert.Contains($"position {id} is CLOSED, not OPEN", again.Stderr, StringComparison.Ordinal);
        Assert.Equal("", again.Stdout);
        Assert.Equal(1L, await Db.CountAsync("trade_history"));
        Assert.Equal(1L, await Db.CountAsync("positions", $"position_id = {id} AND exit_price = 0.75 AND realized_pnl = 75.00"));
        Assert.Equal(1L, await Db.CountAsync("audit_events", "event_type = 'position.closed'"));
    }

    [Fact]
    public async Task AddAndClose_AppendAuditEvents_ThatCannotBeUpdatedOrDeleted()
    {
        var id = (await Cli.RunAsync(AddReadmeCsp("--request-id", "audit-1", "--json"))).Succeeded().Json().Int("position_id");
        (await Cli.RunAsync("positions", "close", id.ToString(CultureInfo.InvariantCulture), "--price", "0.75", "--closed-at", ClosedAt)).Succeeded();

        Assert.Equal(2L, await Db.CountAsync("audit_events"));
        Assert.Equal(1L, await Db.CountAsync("audit_events",
            $"event_type = 'position.opened' AND entity_type = 'position' AND entity_id = '{id}' AND position_id = {id} " +
            "AND request_id = 'audit-1' AND actor = 'cli' AND data->>'status' = 'OPEN'"));
        Assert.Equal(1L, await Db.CountAsync("audit_events",
            $"event_type = 'position.closed' AND entity_type = 'position' AND entity_id = '{id}' AND position_id = {id} " +
            "AND request_id = 'audit-1' AND actor = 'cli' AND data->'position'->>'status' = 'CLOSED' " +
            "AND data->'trade'->>'win_loss' = 'WIN' AND (data->'trade'->>'pnl_realized')::numeric = 75"));
        Assert.Equal(1L, await Db.CountAsync("audit_events",
            "event_id = (SELECT min(event_id) FROM audit_events) AND event_type = 'position.opened'"));

        foreach (var sql in new[]
        {
            "UPDATE audit_events SET actor = 'someone else'",
            "DELETE FROM audit_events WHERE event_type = 'position.closed'",
            "TRUNCATE audit_events",
        })
        {
            var e = await Assert.ThrowsAsync<PostgresException>(() => Db.ExecuteAsync(sql));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState);
            Assert.Contains("append-only", e.MessageText, StringComparison.Ordinal);
        }

        Assert.Equal(2L, await Db.CountAsync("audit_events"));
        Assert.Equal(2L, await Db.CountAsync("audit_events", "actor = 'cli'"));
    }

    [Fact]
    public async Task Add_TwiceWithSameRequestId_RecordsOnePositionAndSaysSo()
    {
        var args = AddReadmeCsp("--request-id", "same-request", "--json");

        var first = (await Cli.RunAsync(args)).Succeeded();
        var second = (await Cli.RunAsync(args)).Succeeded();

        Assert.Equal("", first.Stderr);
        var id = first.Json().Int("position_id");
        var repeated = second.Json();
        Assert.Equal(id, repeated.Int("position_id"));
        Assert.Equal("same-request", repeated.Str("request_id"));
        Assert.Equal("OPEN", repeated.Str("status"));
        Assert.Contains("request same-request is already recorded as position " + id, second.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was written", second.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("error:", second.Stderr, StringComparison.Ordinal);

        Assert.Equal(1L, await Db.CountAsync("positions"));
        Assert.Equal(1L, await Db.CountAsync("positions", $"position_id = {id} AND request_id = 'same-request'"));
        Assert.Equal(1L, await Db.CountAsync("audit_events", "event_type = 'position.opened'"));
    }

    [Fact]
    public async Task Add_VpcWhoseStopExceedsMaxLoss_WarnsAndCapsTheStopAtMaxLoss()
    {
        // 580/578 put spread for 1.50: max loss (2 - 1.50) x 100 = 50, below the 2 x 150 = 300 stop.
        var add = (await Cli.RunAsync(
            "positions", "add", "--ticker", "SPY", "--strategy", "VPC", "--expiration", Expiration, "--short-strike", "580",
            "--long-strike", "578", "--credit", "1.50", "--quantity", "1", "--opened-at", OpenedAt, "--json")).Succeeded();

        Assert.StartsWith("warning: ", add.Stderr, StringComparison.Ordinal);
        Assert.Contains("capped at the max loss", add.Stderr, StringComparison.Ordinal);
        var vpc = add.Json();
        Assert.Equal("VPC", vpc.Str("strategy_type"));
        Assert.Equal(50m, vpc.Dec("max_loss"));
        Assert.Equal(vpc.Dec("max_loss"), vpc.Dec("stop_loss"));
        Assert.Equal(75m, vpc.Dec("profit_target"));
        Assert.Equal(200m, vpc.Dec("collateral"));
        Assert.Equal(578m, vpc.Dec("long_strike"));
        var legs = vpc.GetProperty("legs").Items();
        Assert.Equal(2, legs.Length);
        Assert.Equal((SpyPut580, "short"), (legs[0].Str("symbol"), legs[0].Str("side")));
        Assert.Equal(("SPY   260320P00578000", "long"), (legs[1].Str("symbol"), legs[1].Str("side")));

        var id = vpc.Int("position_id");
        Assert.Equal(1L, await Db.CountAsync("positions",
            $"position_id = {id} AND strategy_type = 'VPC' AND stop_loss = max_loss AND max_loss = 50 AND long_strike = 578"));
    }

    [Fact]
    public async Task Add_VpcWhoseStopCanFire_KeepsTheStopWithoutWarning()
    {
        // 580/570 for 1.50: max loss (10 - 1.50) x 100 = 850, above the 300 stop.
        var add = (await Cli.RunAsync(
            "positions", "add", "--ticker", "SPY", "--strategy", "VPC", "--expiration", Expiration, "--short-strike", "580",
            "--long-strike", "570", "--credit", "1.50", "--quantity", "1", "--opened-at", OpenedAt, "--json")).Succeeded();

        Assert.Equal("", add.Stderr);
        var vpc = add.Json();
        Assert.Equal(300m, vpc.Dec("stop_loss"));
        Assert.Equal(850m, vpc.Dec("max_loss"));
        Assert.Equal(1000m, vpc.Dec("collateral"));
    }

    /// <summary>
    /// <c>show</c> takes "position id, or the request id it was opened with"; a request id made of digits
    /// must still find its position (position 1 here, so the digits name no position id).
    /// </summary>
    [Fact]
    public async Task Show_ByNumericRequestId_FindsThePositionOpenedWithIt()
    {
        var seeded = await SeedOpenCspAsync("20260220001");

        var show = await Cli.RunAsync("positions", "show", "20260220001", "--json");

        show.Succeeded();
        Assert.Equal(seeded.PositionId, show.Json().Int("position_id"));
        Assert.Equal("20260220001", show.Json().Str("request_id"));
    }
}
