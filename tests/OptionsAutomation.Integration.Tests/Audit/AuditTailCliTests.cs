using OptionsAutomation.Integration.Tests.Cli;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Audit;

/// <summary><c>optauto audit tail</c> as a real process: the last N events newest last, and the files brought up to date.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class AuditTailCliTests(PostgresServer server) : CliTestBase(server)
{
    [Fact]
    public async Task TailJson_ReturnsTheLastN_NewestLast_AndExportsTheFiles()
    {
        for (var i = 1; i <= 3; i++)
        {
            await Db.ExecuteAsync(
                $$"""
                INSERT INTO audit_events (occurred_at, actor, event_type, entity_type, entity_id, request_id, position_id, data)
                VALUES ('2026-02-20T15:0{{i}}:00Z', 'tester', 'test.event_{{i}}', 'test', 'e{{i}}', {{(i == 3 ? "'req-3'" : "NULL")}}, {{(i == 3 ? "42" : "NULL")}}, '{"n": {{i}} }')
                """);
        }

        var events = (await Cli.RunAsync("audit", "tail", "--n", "2", "--json")).Succeeded().Json().Items();

        Assert.Equal(["test.event_2", "test.event_3"], events.Select(e => e.Str("event_type")));
        var newest = events[1];
        Assert.Equal(
            ["event_id", "occurred_at", "actor", "event_type", "entity_type", "entity_id", "request_id", "position_id", "data"],
            newest.EnumerateObject().Select(p => p.Name));
        Assert.Equal(new DateTimeOffset(2026, 2, 20, 15, 3, 0, TimeSpan.Zero), newest.Instant("occurred_at"));
        Assert.Equal("tester", newest.Str("actor"));
        Assert.Equal("e3", newest.Str("entity_id"));
        Assert.Equal("req-3", newest.Str("request_id"));
        Assert.Equal(42L, newest.Int("position_id"));
        Assert.Equal(3L, newest.GetProperty("data").Int("n"));
        Assert.True(events[0].IsNull("request_id"));
        Assert.True(events[0].Int("event_id") < newest.Int("event_id"));

        var file = Path.Combine(Cli.WorkDirectory, "logs", "audit", "audit-2026-02-20.jsonl");
        Assert.Equal(3, (await File.ReadAllLinesAsync(file)).Length);
    }

    /// <summary>One line per event by default (the request id is in the payload, cut at the width); <c>--full</c> shows every field.</summary>
    [Fact]
    public async Task Tail_SummaryAndFull_ShowTheEvents()
    {
        var position = await SeedOpenCspAsync("audit-table");

        var result = (await Cli.RunAsync("audit", "tail")).Succeeded();
        var full = (await Cli.RunAsync("audit", "tail", "--full")).Succeeded();

        Assert.Contains($"position.opened  position:{position.PositionId}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 event(s)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("request_id   audit-table", full.Stdout, StringComparison.Ordinal);
        Assert.Contains($"position_id  {position.PositionId}", full.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 event(s)", full.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task Tail_NotPositiveN_IsRefused(string n)
    {
        var result = (await Cli.RunAsync("audit", "tail", "--n", n)).WasRefused();

        Assert.StartsWith("error: --n must be at least 1", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Tail_BadExportInterval_IsRefusedNamingTheKey()
    {
        var result = (await Cli.RunAsync("audit", "tail", "--Audit:ExportIntervalSeconds=0")).WasRefused();

        Assert.Contains("Audit:ExportIntervalSeconds must be above 0", result.Stderr, StringComparison.Ordinal);
    }
}
