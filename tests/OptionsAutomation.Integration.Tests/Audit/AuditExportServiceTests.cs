using Microsoft.Extensions.Logging.Abstractions;
using OptionsAutomation.Infrastructure.Audit;
using OptionsAutomation.Integration.Tests.Support;
using OptionsAutomation.Worker;

namespace OptionsAutomation.Integration.Tests.Audit;

/// <summary>The worker's hosted service: exports at start, then again on every tick while it runs.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditExportServiceTests(PostgresServer server) : AuditExportHarness(server)
{
    [Fact]
    public async Task ExportsAtStart_AndEventsCommittedLater_OnTheNextTick()
    {
        var position = await OpenCspAsync("audit-service");
        using var service = new AuditExportService(
            Exporter(), new AuditSettings { Directory = Directory, ExportIntervalSeconds = 0.2 }, TimeProvider.System, NullLogger<AuditExportService>.Instance);

        await service.StartAsync(CancellationToken.None);
        try
        {
            await WaitForLinesAsync(1);
            Clock.SetUtcNow(Friday.AddHours(1));
            await CloseAsync(position, 0.75m);
            await WaitForLinesAsync(2);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.Equal(["position.opened", "position.closed"], Lines("2026-02-20").Select(l => l.GetProperty("event_type").GetString()));
    }

    private async Task WaitForLinesAsync(int count)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        while (!(File.Exists(FileOf("2026-02-20")) && (await File.ReadAllLinesAsync(FileOf("2026-02-20"))).Length >= count))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"the service did not export {count} event(s) in 15 s");
            await Task.Delay(50);
        }
    }
}
