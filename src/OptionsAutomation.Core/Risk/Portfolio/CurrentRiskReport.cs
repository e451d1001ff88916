using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// The risk report for readers that ask often (<c>GET /api/risk</c>, the dashboard, the morning brief): as of now, the
/// risk job's last stored snapshot while it is younger than <see cref="PortfolioRiskSettings.SnapshotMaxAgeMinutes"/>,
/// else computed now; as of another instant, always computed. Computing is a full revaluation with a Monte Carlo VaR
/// of the book, which the minute job already did.
/// </summary>
public sealed class CurrentRiskReport(PortfolioRiskService risk, IRiskHistory history, PortfolioRiskSettings settings, TimeProvider clock)
{
    /// <param name="asOf">null for now.</param>
    public async Task<PortfolioRiskReport> ReadAsync(DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        if (asOf is { } at)
        {
            return await risk.ReportAsync(at, cancellationToken).ConfigureAwait(false);
        }

        var now = clock.GetUtcNow();
        return await history.LatestReportAsync(cancellationToken).ConfigureAwait(false) is { } stored && settings.IsCurrent(stored.AsOf, now)
            ? stored
            : await risk.ReportAsync(now, cancellationToken).ConfigureAwait(false);
    }
}
