using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Risk.Portfolio;

namespace OptionsAutomation.Core.Trading;

/// <summary>Reads back the risk snapshots <see cref="IRiskMonitorStore"/> stored (kept <see cref="PortfolioRiskSettings.HistoryDays"/> days).</summary>
public interface IRiskHistory
{
    /// <summary>The positions of every snapshot taken in [<paramref name="from"/>, <paramref name="to"/>), oldest first; a null bound is open.</summary>
    Task<IReadOnlyList<RiskSnapshotPositions>> PositionsAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken);

    /// <summary>The correlations of the latest snapshot taken before <paramref name="before"/>; null when there is none.</summary>
    Task<CorrelationSnapshot?> CorrelationsBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>The marked-to-market equity of the latest snapshot taken before <paramref name="before"/>; null when there is none.</summary>
    Task<decimal?> EquityBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
