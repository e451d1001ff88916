using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Core.Reconciliation;

/// <summary>
/// Compares the broker's option positions with the ones our fills project (<see cref="BrokerReconciliation"/>) and, when
/// the differences are new — not the ones the run before found — moves the trading state to <c>Broker:OnMismatch</c>
/// (only ever tighter) and raises one alert naming the symbols. It never changes a position or sends an order: what
/// happened at the broker is for a person to book. The run, the state change and the alert are one journal entry, decided
/// on the trading state as locked there.
/// </summary>
public sealed class BrokerReconciliationService(
    IBroker broker, IPositionStore positions, IOrderRecords orders, IReconciliationLog log, ITradingJournal journal,
    ReconciliationSettings settings, TimeProvider clock)
{
    public const string Actor = "reconciliation";

    /// <summary>Compares only: no alert, no state change, nothing recorded (<c>GET /api/broker/reconcile</c>).</summary>
    public async Task<ReconciliationReport> CompareAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var theirs = await broker.GetPositionsAsync(cancellationToken).ConfigureAwait(false);
        var ours = await HoldingsAsync(cancellationToken).ConfigureAwait(false);
        var working = (await orders.ListAsync(new OrderFilter(OpenOnly: true), cancellationToken).ConfigureAwait(false))
            .SelectMany(o => o.Legs.Select(l => (l.Symbol, Contracts: (Buys(l.Side) ? 1 : -1) * l.Ratio * (o.Quantity ?? 0))))
            .ToList();
        return BrokerReconciliation.Compare(theirs, ours, working, MarketTime.DateOf(now), now);
    }

    /// <summary>Compares, records the run, and on a new difference tightens the trading state and alerts once.</summary>
    public async Task<ReconciliationOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var report = await CompareAsync(cancellationToken).ConfigureAwait(false);
        var previous = await log.LastAsync(cancellationToken).ConfigureAwait(false);
        var isNew = !report.Matches && report.Signature != previous?.Signature;
        await using var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false);
        var controls = await entry.LockControlsAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        List<TradingEvent> events = [new ReconciliationRecorded(report, isNew)];
        var tightened = isNew ? ControlsBooking.Tightened(controls.State, settings.MismatchState, ReconciliationAlert.Reason(report), Actor, now) : null;
        events.AddRange(tightened ?? []);
        if (isNew)
        {
            events.Add(new AlertRaised(ReconciliationAlert.For(report, previous, settings.MismatchState)));
        }

        await entry.CommitAsync(events, now, cancellationToken).ConfigureAwait(false);
        return new ReconciliationOutcome(report, isNew, tightened is null ? null : settings.MismatchState);
    }

    /// <summary>
    /// Every leg of every open option position, signed, at the average price of the fills that opened it (a position has
    /// one opening order; its closing fills trade the other way and do not move the open contracts' price).
    /// </summary>
    private async Task<List<Holding>> HoldingsAsync(CancellationToken cancellationToken)
    {
        var holdings = new List<Holding>();
        var open = (await positions.ListAsync(PositionStatusFilter.Open, null, cancellationToken).ConfigureAwait(false)).Where(p => p.IsOption).ToList();
        // One read for every open position's fills, not one per position on every run.
        var fillsOf = await orders.FillsOfPositionsAsync([.. open.Select(p => p.PositionId)], cancellationToken).ConfigureAwait(false);
        foreach (var position in open)
        {
            var fills = fillsOf.GetValueOrDefault(position.PositionId) ?? [];
            foreach (var leg in position.Legs)
            {
                var opening = leg.Side == LegSide.Short ? FillSide.Sell : FillSide.Buy;
                var opened = fills.Where(f => f.Side == opening && f.Symbol == leg.Contract.OccSymbol).ToList();
                var contracts = opened.Sum(f => f.Quantity);
                var average = contracts == 0 ? (decimal?)null : opened.Sum(f => f.Price * f.Quantity) / contracts;
                holdings.Add(new Holding(leg.Contract, (leg.Side == LegSide.Short ? -1 : 1) * leg.Ratio * position.Quantity, average));
            }
        }

        return holdings;
    }

    private static bool Buys(OrderSide side) => side is OrderSide.BuyToOpen or OrderSide.BuyToClose;
}
