using OptionsAutomation.Integration.Tests.Cli;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Audit;

/// <summary>
/// The exporter's log line names the last exported audit event by its number: its placeholder must not be
/// <c>{EventId}</c>, which Serilog fills with the log call's own event id (<c>{"Id": …, "Name": "LogExported"}</c>).
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class AuditExportLogLineTests(PostgresServer server) : CliTestBase(server)
{
    // The CLI keeps its console to errors; this test reads the rendered Information line there.
    protected override IReadOnlyDictionary<string, string> CliEnvironment { get; } = new Dictionary<string, string>
    {
        ["Serilog__WriteTo__Console__Args__restrictedToMinimumLevel"] = "Information",
    };

    [Fact]
    public async Task TheExportedLine_RendersTheLastAuditEventNumber()
    {
        (await Cli.RunAsync(AddReadmeCsp("--json"))).Succeeded();
        var last = await Db.ScalarAsync<long>("SELECT max(event_id) FROM audit_events");

        var run = (await Cli.RunAsync("audit", "tail", "--json")).Succeeded();

        var line = Assert.Single(run.Stderr.Split('\n'), l => l.Contains("audit event(s) through event", StringComparison.Ordinal));
        Assert.Contains($"audit event(s) through event {last} to ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Name\"", line, StringComparison.Ordinal);
    }
}
