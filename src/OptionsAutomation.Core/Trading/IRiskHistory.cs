using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Risk.Portfolio;

namespace OptionsAutomation.Core.Trading;

/// <summary>Reads back the risk snapshots <see cref="IRiskMonitorStore"/> stored (kept <see cref="PortfolioRiskSettings.HistoryDays"/> days).</summary>
public interface IRiskHistory
{
    /// <summary>The positions of every snapshot taken in [<paramref name="from"/>, <paramref name="to"/>), oldest first; a null bound is open.</summary>
    Task<IReadOnlyList<RiskSnapshotPositions>> PositionsAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken);

    /// <summary>The equity and correlations of the latest snapshot taken before <paramref name="before"/>; null when there is none.</summary>
    Task<PreviousSnapshot?> LatestBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>The report of the latest snapshot, as stored (its <see cref="PortfolioRiskReport.AsOf"/> is when it was computed); null when there is none.</summary>
    Task<PortfolioRiskReport?> LatestReportAsync(CancellationToken cancellationToken);
}

/// <summary>What the daily loss and the correlation change are measured from: an earlier snapshot's marked-to-market equity and correlations.</summary>
public sealed record PreviousSnapshot(decimal Equity, CorrelationSnapshot Correlations);
