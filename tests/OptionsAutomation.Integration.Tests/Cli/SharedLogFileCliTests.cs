using System.Text.Json;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// Many optauto processes write the same daily log file (the file sink's shared mode): no line is lost or torn.
/// Twenty concurrent <c>positions add</c> runs each log one "Opened position" line.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class SharedLogFileCliTests(PostgresServer server) : CliTestBase(server)
{
    private const int Processes = 20;

    [Fact]
    public async Task TwentyConcurrentProcesses_LogEveryLineToTheOneFile()
    {
        var runs = await Task.WhenAll(Enumerable.Range(1, Processes)
            .Select(i => Cli.RunAsync(AddReadmeCsp("--request-id", $"shared-log-{i}", "--json"))));

        Assert.All(runs, run => run.Succeeded());
        var file = Assert.Single(Directory.GetFiles(Path.Combine(Cli.WorkDirectory, "logs")));
        var lines = await File.ReadAllLinesAsync(file);
        // Every line is one whole JSON event: a torn or interleaved write would not parse.
        var templates = lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("MessageTemplate").GetString()).ToList();
        Assert.Equal(Processes, templates.Count(t => t!.StartsWith("Opened position", StringComparison.Ordinal)));
        Assert.Equal(Processes, await Db.CountAsync("positions"));
    }
}
