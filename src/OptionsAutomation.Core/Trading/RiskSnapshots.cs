using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// Builds the risk gate's view of the account — equity, open positions and exposure, today's (New York)
/// realized P&amp;L, the stored switches, the held underlyings and their correlations with the candidates' — so
/// proposal and approval judge an order from the same facts. The caller adds the order's quote.
/// </summary>
public sealed class RiskSnapshots(IPositionStore positions, IAccountEquity account, ITradingControls controls, PortfolioRiskService risk, ProposalSettings proposals)
{
    /// <param name="open">The open positions; under a monthly roll those expiring today are left out, their last mark's P&amp;L
    /// taken into the equity (<see cref="RollSchedule"/>).</param>
    /// <param name="candidates">The underlyings of the orders to be checked, so the correlations cover them.</param>
    public async Task<RiskSnapshot> CurrentAsync(IReadOnlyList<Position> open, IEnumerable<string> candidates, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = MarketTime.DateOf(now);
        var settling = RollSchedule.Settling(open, today, proposals);
        open = RollSchedule.Committed(open, today, proposals);
        var held = open.Select(p => p.Ticker).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var realizedToday = (await positions.HistoryAsync(today, today, cancellationToken).ConfigureAwait(false)).Sum(t => t.PnlRealized);
        var switches = await controls.GetAsync(cancellationToken).ConfigureAwait(false);
        return new RiskSnapshot
        {
            Equity = RollSchedule.EquityAfter(await account.GetEquityAsync(cancellationToken).ConfigureAwait(false), settling),
            OpenPositions = open.Count,
            OpenExposure = RiskExposure.Total(open),
            RealizedPnlToday = realizedToday,
            Quote = null,
            Breaker = switches.Breaker,
            TradingState = switches.State,
            HeldUnderlyings = held,
            Correlations = await risk.CorrelationsAsync(held.Concat(candidates), now, cancellationToken).ConfigureAwait(false),
        };
    }
}
