using System.Text.Json;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// Every optauto process of a checkout writes the same daily JSON log file. Without the file sink's shared mode each
/// process kept its own file position, so concurrent writers overwrote each other's lines (15 of 20 were left).
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class SharedLogFileCliTests(PostgresServer server) : CliTestBase(server)
{
    private const int Processes = 20;

    [Fact]
    public async Task TwentyConcurrentProcesses_EachLogLineSurvives_Whole()
    {
        var runs = await Task.WhenAll(Enumerable.Range(1, Processes)
            .Select(i => Cli.RunAsync(AddReadmeCsp("--request-id", $"shared-log-{i}"))));

        Assert.All(runs, run => run.Succeeded());
        var file = Assert.Single(Directory.GetFiles(Path.Combine(Cli.WorkDirectory, "logs"), "optauto-*.json"));
        var lines = File.ReadAllLines(file);
        // Every line is one whole JSON event: an interleaved or overwritten write would not parse.
        var events = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var opened = events
            .Where(e => e.GetProperty("MessageTemplate").GetString()!.StartsWith("Opened position", StringComparison.Ordinal))
            .Select(e => e.GetProperty("Properties").GetProperty("request_id").GetString())
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(Enumerable.Range(1, Processes).Select(i => $"shared-log-{i}").Order(StringComparer.Ordinal), opened);
    }
}
