using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Infrastructure.InMemory;

/// <summary>
/// The in-memory book keeps no risk snapshots (the risk monitor job does not run in a backtest): there is no earlier
/// snapshot to measure a daily loss or a correlation change from, as on a fresh database.
/// </summary>
internal sealed class InMemoryRiskHistory : IRiskHistory
{
    public Task<IReadOnlyList<RiskSnapshotPositions>> PositionsAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RiskSnapshotPositions>>([]);

    public Task<PreviousSnapshot?> LatestBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken) => Task.FromResult<PreviousSnapshot?>(null);

    public Task<PortfolioRiskReport?> LatestReportAsync(CancellationToken cancellationToken) => Task.FromResult<PortfolioRiskReport?>(null);
}
