using Microsoft.Extensions.Logging.Abstractions;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading.Adjustments;
using OptionsAutomation.Integration.Tests.Support;
using OptionsAutomation.Worker.Jobs;

namespace OptionsAutomation.Integration.Tests.Adjustments;

/// <summary>The five-minute exit job reviews what it left open for an adjustment.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AdjustmentJobTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task AThreatenedPositionTheExitRulesKeep_IsRecommendedAReduction()
    {
        // Monday 2026-02-23 09:35 New York: the fixture's CSP at 25 DTE, outside the 21-DTE exit; its 300 loss a contract
        // is short of the 600 stop. Risk 30 + 25 + 0.26 → 55 MEDIUM; no chain, so half of the 2 contracts.
        var f = await AdjustmentFixture.CreateAsync(_db, new RecordingRollExecutor(), new DateTimeOffset(2026, 2, 23, 14, 35, 0, TimeSpan.Zero));
        var job = new ExitRulesJob(f.Harness.Sweep(f.Review), new Core.Calendar.NyseCalendar(), f.Harness.Clock, NullLogger<ExitRulesJob>.Instance);

        Assert.True(await job.RunTickAsync(CancellationToken.None));

        Assert.Equal(PositionStatus.Open, (await f.Harness.Positions.FindAsync(f.Position.PositionId))!.Status);
        var pending = Assert.Single(await f.Store.ListAsync(AdjustmentStatus.Pending, 10, CancellationToken.None));
        Assert.Equal((AdjustmentKind.Reduce, 55, AdjustmentUrgency.Medium, 1), (pending.Kind, pending.RiskScore, pending.Urgency, pending.Contracts));
    }
}
