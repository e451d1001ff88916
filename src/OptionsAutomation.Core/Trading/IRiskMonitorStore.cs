using OptionsAutomation.Core.Risk.Portfolio;

namespace OptionsAutomation.Core.Trading;

/// <summary>Persistence port of <see cref="RiskMonitor"/>: risk snapshots and the last state of every limit.</summary>
public interface IRiskMonitorStore
{
    /// <summary>
    /// In one transaction, serialised with every other check on the database: stores <paramref name="report"/> as a
    /// snapshot, deletes snapshots taken before <paramref name="keepFrom"/>, compares the report's limits with their
    /// stored states (<see cref="LimitCrossings.Between"/>), stores the new states and queues one alert per crossing
    /// (<see cref="RiskAlerts"/>). <paramref name="beforeCommit"/> runs with the crossings before the commit, so a
    /// failure there leaves the old states and the crossings are found again by the next check.
    /// </summary>
    /// <returns>The crossings, empty when no limit changed state.</returns>
    Task<IReadOnlyList<LimitCrossing>> RecordAsync(
        PortfolioRiskReport report, DateTimeOffset keepFrom, Func<IReadOnlyList<LimitCrossing>, Task> beforeCommit, CancellationToken cancellationToken);
}
