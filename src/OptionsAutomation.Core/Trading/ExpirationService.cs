using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// After a session closes, settles every open option position expiring that day (or earlier and
/// missed): expired, assigned or settled, at the underlying's close on the expiration day — the price
/// that decided exercise, whenever the settlement is made. Without that day's close it settles nothing
/// and alerts: fail closed (a live source answers with today's price, so an expiration missed on its
/// day waits for a person rather than settling at a later, wrong close).
/// </summary>
public sealed class ExpirationService(
    IPositionStore positions, IMarketData marketData, ITradingJournal journal, IAlertQueue alerts, NyseCalendar calendar, TimeProvider clock)
{
    public const string Actor = "expiration-job";

    public async Task<IReadOnlyList<ExpirationResult>> SettleAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var session = calendar.SessionOn(date);
        var now = clock.GetUtcNow();
        if (session is null || now < session.Close)
        {
            return [];
        }

        var open = await positions.ListAsync(PositionStatusFilter.Open, null, cancellationToken).ConfigureAwait(false);
        var results = new List<ExpirationResult>();
        foreach (var position in open.Where(p => p.IsOption && p.Expiration <= date))
        {
            results.Add(await SettleAsync(position, ExpirationSession(position), cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>The session an option expired at the close of: its expiration date, or the last session before it.</summary>
    private TradingSession ExpirationSession(Position position) => calendar.SessionOnOrBefore(position.Expiration!.Value);

    private async Task<ExpirationResult> SettleAsync(Position position, TradingSession session, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var close = await marketData.GetUnderlyingQuoteAsync(position.Ticker, session.Close, cancellationToken).ConfigureAwait(false);
        if (close is null || MarketTime.DateOf(close.Timestamp) != session.Date || close.Last <= 0m)
        {
            var error = close is null
                ? $"no closing price for {position.Ticker}"
                : $"the latest {position.Ticker} price is from {close.Timestamp:O}, not the {session.Date:yyyy-MM-dd} close";
            await alerts.EnqueueAsync(Alert.SettlementFailed(position, session.Date, error), now, cancellationToken).ConfigureAwait(false);
            return new ExpirationResult(position, null, null, null, error);
        }

        var settlement = ExpirationSettlement.For(position, close.Last, session.Close);
        var fills = settlement.AsFills(position, close.Last, session.Close);
        try
        {
            await using var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false);
            var locked = await entry.LockPositionAsync(position.PositionId, byClosingOrder: false, cancellationToken).ConfigureAwait(false);
            var closed = locked.Close(new PositionExit(settlement.ExitPrice, settlement.Reason, session.Close, ExecutedBy.Auto, Actor, 0m, fills.ClientOrderId), now);
            long? sharesId = settlement.Shares is { } shares ? await entry.OpenSharesAsync(shares, Actor, now, cancellationToken).ConfigureAwait(false) : null;
            await entry.CommitAsync(SettlementBooking.Settled(closed, fills, settlement.Shares, sharesId, Actor), now, cancellationToken).ConfigureAwait(false);
            return new ExpirationResult(closed.Position, settlement, closed, sharesId, null);
        }
        catch (TradingRuleException e)
        {
            // E.g. a closing order still at work at the close: its fills decide what is left to settle, so the next run
            // settles the rest (missed expirations are settled too) once it is final.
            await alerts.EnqueueAsync(Alert.SettlementFailed(position, session.Date, e.Message), now, cancellationToken).ConfigureAwait(false);
            return new ExpirationResult(position, settlement, null, null, e.Message);
        }
    }
}
