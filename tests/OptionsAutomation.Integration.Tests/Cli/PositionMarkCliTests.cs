using System.Globalization;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// <c>optauto positions mark</c> as a real process: a manual mark moves the unrealized P&amp;L and the
/// excursions, is audited as <c>position.marked_manually</c>, and is refused on a closed or unknown position
/// or a negative price without changing anything.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class PositionMarkCliTests(PostgresServer server) : CliTestBase(server)
{
    private static readonly DateTimeOffset Opened = DateTimeOffset.Parse("2021-01-04T15:00:00Z", CultureInfo.InvariantCulture);
    private static readonly DateOnly Jan29 = new(2021, 1, 29);

    [Fact]
    public async Task Mark_SetsPnlAndExcursions_AuditsIt_AndRefusesClosedUnknownOrNegative()
    {
        // SPY 345 put sold for 2.80: target 140, stop 560.
        var position = await SeedSpyCspAsync("mark-open", Jan29, 345m, 2.80m, Opened);
        var id = position.PositionId.ToString(CultureInfo.InvariantCulture);

        // 1.00 to close: (2.80 - 1.00) x 100 = +180.00, the best and worst so far.
        var startedAt = DateTimeOffset.UtcNow;
        var first = (await Cli.RunAsync("positions", "mark", id, "--price", "1.00", "--json")).Succeeded().Json();
        Assert.Equal(position.PositionId, first.Int("position_id"));
        Assert.Equal("OPEN", first.Str("status"));
        Assert.Equal(1.00m, first.Dec("mark_price"));
        Assert.Equal("FRESH", first.Str("mark_status"));
        Assert.Equal(180.00m, first.Dec("unrealized_pnl"));
        Assert.Equal(180.00m, first.Dec("mae"));
        Assert.Equal(180.00m, first.Dec("mfe"));
        Assert.Equal(0L, first.Int("stop_breaches"));
        Assert.InRange(first.Instant("marked_at"), startedAt.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));

        // 3.50 to close: -70.00, the new worst; the best stays +180.00.
        var second = (await Cli.RunAsync("positions", "mark", id, "--price", "3.50", "--json")).Succeeded().Json();
        Assert.Equal(3.50m, second.Dec("mark_price"));
        Assert.Equal(-70.00m, second.Dec("unrealized_pnl"));
        Assert.Equal(-70.00m, second.Dec("mae"));
        Assert.Equal(180.00m, second.Dec("mfe"));

        Assert.Equal(1L, await Db.CountAsync("positions",
            $"position_id = {id} AND status = 'OPEN' AND mark_status = 'FRESH' AND mark_price = 3.50 AND unrealized_pnl = -70.00 " +
            "AND mae = -70.00 AND mfe = 180.00 AND stop_breaches = 0"));
        Assert.Equal(2L, await Db.CountAsync("audit_events", $"position_id = {id} AND event_type = 'position.marked_manually' AND actor = 'cli'"));
        Assert.Equal(1L, await Db.CountAsync("audit_events",
            $"position_id = {id} AND event_type = 'position.marked_manually' AND (data->>'mark_price')::numeric = 1.00 AND (data->>'unrealized_pnl')::numeric = 180.00"));
        Assert.Equal(0L, await Db.CountAsync("outbox"));

        // Refusals: exit 1, "error: …" on stderr, nothing changed.
        var closed = await SeedSpyCspAsync("mark-closed", Jan29, 345m, 2.80m, Opened);
        await Db.Positions(new RealTimersClock(DateTimeOffset.UtcNow)).CloseAsync(closed.PositionId,
            new PositionExit(1.40m, ExitReason.Manual, Opened.AddDays(1), ExecutedBy.Manual, "test-seed"));
        var closedId = closed.PositionId.ToString(CultureInfo.InvariantCulture);
        var auditBefore = await Db.CountAsync("audit_events");
        var negative = (await Cli.RunAsync("positions", "mark", id, "--price", "-1", "--json")).WasRefused();
        AssertRefusal(negative, "error: mark price must not be negative, was -1");

        var unknown = (await Cli.RunAsync("positions", "mark", "999999", "--price", "1.00", "--json")).WasRefused();
        AssertRefusal(unknown, "error: position 999999 not found");

        var onClosed = (await Cli.RunAsync("positions", "mark", closedId, "--price", "1.00", "--json")).WasRefused();
        AssertRefusal(onClosed, $"error: position {closedId} is CLOSED, not OPEN");

        Assert.Equal(auditBefore, await Db.CountAsync("audit_events"));
        Assert.Equal(1L, await Db.CountAsync("positions", $"position_id = {id} AND mark_price = 3.50 AND unrealized_pnl = -70.00"));
        Assert.Equal(1L, await Db.CountAsync("positions", $"position_id = {closedId} AND status = 'CLOSED' AND mark_price IS NULL AND mark_status IS NULL"));
    }

    private static void AssertRefusal(CliResult result, string message)
    {
        Assert.True(result.Stderr.StartsWith("error: ", StringComparison.Ordinal), $"stderr lacks the 'error: ' prefix.{Environment.NewLine}{result}");
        Assert.True(result.Stderr.Contains(message, StringComparison.Ordinal), $"stderr lacks '{message}'.{Environment.NewLine}{result}");
        Assert.True(result.Stdout.Length == 0, $"stdout should be empty on a refusal.{Environment.NewLine}{result}");
    }
}
