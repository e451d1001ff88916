using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Audit;

/// <summary>
/// The exporter over events written by real operations: each committed event once, in event_id order, in the file
/// of its UTC date, with the row's JSON; nothing rolled back; nothing skipped behind a transaction still in flight.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditExportTests(PostgresServer server) : AuditExportHarness(server)
{
    [Fact]
    public async Task OpenAndClose_AppearOnceEach_InOrder_AsTheStoredRows()
    {
        var position = await OpenCspAsync("audit-open-close");
        Clock.SetUtcNow(Friday.AddHours(4));
        await CloseAsync(position, 0.75m);

        var exported = await Exporter().ExportAsync(CancellationToken.None);

        var lines = Lines("2026-02-20");
        Assert.Equal(2, exported);
        Assert.Equal(["position.opened", "position.closed"], lines.Select(l => l.GetProperty("event_type").GetString()));
        Assert.All(lines, l => Assert.Equal(position.PositionId, l.GetProperty("position_id").GetInt64()));
        Assert.Equal("audit-open-close", lines[0].GetProperty("request_id").GetString());
        Assert.Equal(75.00m, lines[1].GetProperty("data").GetProperty("trade").GetProperty("pnl_realized").GetDecimal());
        Assert.True(lines[0].GetProperty("event_id").GetInt64() < lines[1].GetProperty("event_id").GetInt64());
        Assert.Equal(await Db.CountAsync("audit_events"), lines.Length);
        foreach (var line in lines)
        {
            await AssertLineIsRowAsync(line);
        }
    }

    [Fact]
    public async Task SecondExport_WritesNothing()
    {
        await OpenCspAsync("audit-twice");
        Assert.Equal(1, await Exporter().ExportAsync(CancellationToken.None));
        var before = await File.ReadAllBytesAsync(FileOf("2026-02-20"));

        var again = await Exporter().ExportAsync(CancellationToken.None);

        Assert.Equal(0, again);
        Assert.Equal(before, await File.ReadAllBytesAsync(FileOf("2026-02-20")));
    }

    [Fact]
    public async Task LaterEvents_AreAppendedAfterTheExportedOnes()
    {
        var first = await OpenCspAsync("audit-first");
        await Exporter().ExportAsync(CancellationToken.None);
        Clock.SetUtcNow(Friday.AddHours(1));
        await CloseAsync(first, 0.75m);

        Assert.Equal(1, await Exporter().ExportAsync(CancellationToken.None));

        var lines = Lines("2026-02-20");
        Assert.Equal(["position.opened", "position.closed"], lines.Select(l => l.GetProperty("event_type").GetString()));
    }

    [Fact]
    public async Task EventsOnTwoUtcDates_GoToTwoFiles()
    {
        var position = await OpenCspAsync("audit-two-days");
        Clock.SetUtcNow(new DateTimeOffset(2026, 2, 24, 0, 30, 0, TimeSpan.Zero)); // Monday evening in New York, Tuesday in UTC
        await CloseAsync(position, 0.75m);

        await Exporter().ExportAsync(CancellationToken.None);

        Assert.Equal(["audit-2026-02-20.jsonl", "audit-2026-02-24.jsonl"], FileNames());
        Assert.Equal("position.opened", Assert.Single(Lines("2026-02-20")).GetProperty("event_type").GetString());
        Assert.Equal("position.closed", Assert.Single(Lines("2026-02-24")).GetProperty("event_type").GetString());
    }

    [Fact]
    public async Task RolledBackEvent_NeverAppears()
    {
        var (connection, transaction) = await UncommittedEventAsync("test.rolled_back");
        await transaction.RollbackAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
        await OpenCspAsync("audit-after-rollback");

        await Exporter().ExportAsync(CancellationToken.None);

        var line = Assert.Single(Lines("2026-02-20"));
        Assert.Equal("position.opened", line.GetProperty("event_type").GetString());
    }

    [Fact]
    public async Task LowerIdStillInFlight_HoldsTheExportBack_ThenBothInIdOrder()
    {
        // The uncommitted event draws its id first; the position's event commits with a higher one.
        var (connection, transaction) = await UncommittedEventAsync("test.in_flight");
        await OpenCspAsync("audit-behind-in-flight");

        var whileInFlight = await Exporter().ExportAsync(CancellationToken.None);
        await transaction.CommitAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
        var afterCommit = await Exporter().ExportAsync(CancellationToken.None);

        Assert.Equal(0, whileInFlight);
        Assert.Equal(2, afterCommit);
        var lines = Lines("2026-02-20");
        Assert.Equal(["test.in_flight", "position.opened"], lines.Select(l => l.GetProperty("event_type").GetString()));
    }

    [Fact]
    public async Task LineTornByACrash_IsReplacedByTheWholeEvent()
    {
        var first = await OpenCspAsync("audit-torn");
        await Exporter().ExportAsync(CancellationToken.None);
        var exportedLine = Assert.Single(await File.ReadAllLinesAsync(FileOf("2026-02-20")));
        Clock.SetUtcNow(Friday.AddHours(1));
        await CloseAsync(first, 0.75m);
        // The process died while writing the next event's line: part of it, no newline.
        await File.AppendAllTextAsync(FileOf("2026-02-20"), """{"event_id":2,"occurred_at":"2026-02""");

        Assert.Equal(1, await Exporter().ExportAsync(CancellationToken.None));

        var lines = Lines("2026-02-20");
        Assert.Equal(exportedLine, (await File.ReadAllLinesAsync(FileOf("2026-02-20")))[0]);
        Assert.Equal(["position.opened", "position.closed"], lines.Select(l => l.GetProperty("event_type").GetString()));
        await AssertLineIsRowAsync(lines[1]);
    }

    [Fact]
    public async Task AnotherExporterOnTheDirectory_IsLeftAlone()
    {
        await OpenCspAsync("audit-locked");
        await using (new FileStream(Path.Combine(Directory, ".export.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            Assert.Equal(0, await Exporter().ExportAsync(CancellationToken.None));
            Assert.Empty(FileNames());
        }

        Assert.Equal(1, await Exporter().ExportAsync(CancellationToken.None));
    }
}
