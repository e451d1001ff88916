using System.Globalization;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// The risk job's use case: value the portfolio now, store the snapshot, alert each limit crossing once, and on a
/// crossing into BREACH tighten the trading state to <see cref="PortfolioRiskSettings.BreachState"/> when one is
/// configured. The state only ever tightens (ACTIVE → REDUCING → HALTED): a HALTED state is never touched, and
/// a state someone loosened while the breach holds stays loosened until the limit crosses again. Signals
/// (<see cref="LimitReading.Informational"/>: volatility spikes, correlation changes) alert but never change the state.
/// It keeps its inputs' history in a <see cref="RiskMemory"/> (built from the database on the first check after a start),
/// and takes one check at a time, the minute job's or an asked-for recompute (<c>POST /api/risk/recompute</c>).
/// </summary>
public sealed class RiskMonitor(PortfolioRiskService risk, IRiskMonitorStore store, ITradingControls controls, PortfolioRiskSettings settings) : IDisposable
{
    public const string Actor = "risk-monitor";

    private readonly RiskMemory _memory = new();
    private readonly SemaphoreSlim _oneCheck = new(1, 1);

    public async Task<RiskCheckOutcome> CheckAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _oneCheck.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var report = await risk.ReportAsync(now, _memory, cancellationToken).ConfigureAwait(false);
            TradingState? setTo = null;
            // The state changes before the crossings commit: if it fails, the crossings are found again next minute.
            var crossings = await store.RecordAsync(report, now.AddDays(-settings.HistoryDays), async found =>
                setTo = await TightenAsync(found, now, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return new RiskCheckOutcome(report, crossings, setTo);
        }
        finally
        {
            _oneCheck.Release();
        }
    }

    public void Dispose() => _oneCheck.Dispose();

    private async Task<TradingState?> TightenAsync(IReadOnlyList<LimitCrossing> crossings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Signals never reach BREACH; the filter says so again here, where acting on it would do harm.
        var breaches = crossings.Where(c => c.To == LimitState.Breach && !c.Reading.Informational).Select(c => c.Name).ToList();
        if (settings.BreachState is not { } target || breaches.Count == 0)
        {
            return null;
        }

        var reason = string.Create(CultureInfo.InvariantCulture, $"risk limit breached: {string.Join(", ", breaches)}");
        var changed = await controls.TightenStateAsync(target, reason, Actor, now, cancellationToken).ConfigureAwait(false);
        return changed?.State;
    }
}
