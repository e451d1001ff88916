using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Audit;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Audit;

/// <summary>A test database, a manual clock, and an exporter writing to a temp directory of its own.</summary>
public abstract class AuditExportHarness(PostgresServer server) : IAsyncLifetime
{
    protected static readonly DateTimeOffset Friday = new(2026, 2, 20, 14, 17, 0, TimeSpan.Zero);

    private TestDatabase? _db;

    protected RealTimersClock Clock { get; } = new(Friday);

    protected TestDatabase Db => _db ?? throw new InvalidOperationException("the database is created in InitializeAsync.");

    protected string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("optauto-audit-").FullName;

    protected PositionManager Positions => Db.Positions(Clock);

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    protected AuditExporter Exporter() => new(
        new AuditReader(Db.DataSource), new AuditHorizon(Db.DataSource), new AuditSettings { Directory = Directory }, NullLogger<AuditExporter>.Instance);

    protected string FileOf(string date) => Path.Combine(Directory, $"audit-{date}.jsonl");

    /// <summary>The export files present, by name.</summary>
    protected string[] FileNames() =>
        [.. System.IO.Directory.EnumerateFiles(Directory, "*.jsonl").Select(Path.GetFileName).Order(StringComparer.Ordinal).Cast<string>()];

    /// <summary>Every line of a file parsed as JSON; a line that is not JSON fails the test.</summary>
    protected JsonElement[] Lines(string date)
    {
        var text = File.ReadAllText(FileOf(date));
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.Clone();
        })];
    }

    protected async Task<Position> OpenCspAsync(string requestId)
    {
        var opened = await Positions.OpenAsync(new OpenPositionRequest
        {
            RequestId = requestId,
            Strategy = StrategyType.CashSecuredPut,
            Ticker = "SPY",
            Expiration = new DateOnly(2026, 3, 20),
            ShortStrike = 580m,
            Credit = 1.50m,
            Quantity = 1,
            OpenedAt = Clock.GetUtcNow(),
            Actor = "test",
        });
        Assert.True(opened.Created);
        return opened.Position;
    }

    protected Task<ClosedPosition> CloseAsync(Position position, decimal exitPrice) =>
        Positions.CloseAsync(position.PositionId, new PositionExit(exitPrice, ExitReason.Manual, Clock.GetUtcNow(), ExecutedBy.Manual, "test"));

    /// <summary>Appends an audit event in a transaction left open; the caller commits or rolls back.</summary>
    protected async Task<(NpgsqlConnection Connection, NpgsqlTransaction Transaction)> UncommittedEventAsync(string eventType)
    {
        var connection = await Db.DataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await AuditLog.AppendAsync(transaction, new AuditEvent(Clock.GetUtcNow(), "test", eventType, "test", "1", null, null, new { note = eventType }));
        return (connection, transaction);
    }

    /// <summary>
    /// Asserts the line is exactly the stored row: the nine columns as keys, each value equal, <c>data</c> the jsonb object.
    /// </summary>
    protected async Task AssertLineIsRowAsync(JsonElement line)
    {
        Assert.Equal(
            ["event_id", "occurred_at", "actor", "event_type", "entity_type", "entity_id", "request_id", "position_id", "data"],
            line.EnumerateObject().Select(p => p.Name));
        await using var command = Db.DataSource.CreateCommand(
            "SELECT occurred_at, actor, event_type, entity_type, entity_id, request_id, position_id, data::text FROM audit_events WHERE event_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = line.GetProperty("event_id").GetInt64() });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no row for {line}");
        Assert.Equal(new DateTimeOffset(reader.GetDateTime(0)), line.GetProperty("occurred_at").GetDateTimeOffset());
        Assert.Equal(reader.GetString(1), line.GetProperty("actor").GetString());
        Assert.Equal(reader.GetString(2), line.GetProperty("event_type").GetString());
        Assert.Equal(reader.GetString(3), line.GetProperty("entity_type").GetString());
        Assert.Equal(reader.GetString(4), line.GetProperty("entity_id").GetString());
        Assert.Equal(reader.IsDBNull(5) ? null : reader.GetString(5), line.GetProperty("request_id").GetString());
        Assert.Equal(reader.IsDBNull(6) ? null : reader.GetInt64(6).ToString(CultureInfo.InvariantCulture), line.GetProperty("position_id").ValueKind == JsonValueKind.Null ? null : line.GetProperty("position_id").GetRawText());
        using var data = JsonDocument.Parse(reader.GetString(7));
        Assert.Equal(JsonValueKind.Object, line.GetProperty("data").ValueKind);
        Assert.True(JsonElement.DeepEquals(data.RootElement, line.GetProperty("data")), $"data differs: {line.GetProperty("data")} vs {data.RootElement}");
    }
}
