using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// Realized P&amp;L summed per New York close date, kept in memory by the risk job and brought up to date each run by
/// reading only the trade rows above the last id it has settled (<see cref="IPositionStore.TradesAfterAsync"/>); a new
/// instance (a restart) reads the whole table once. Rows are insert-only, so a row read is never read again.
/// </summary>
/// <remarks>
/// A row's id is taken when its transaction inserts it but shows only when that transaction commits, so id 8 can be read
/// before id 7. An id missing below one already read is therefore not passed over until it is older than
/// <see cref="GapGrace"/> — its age being that of the first row read above it (ids are taken in order) or, failing a
/// known age, the time the gap was first seen: a close commits within seconds, so an id that old was rolled back.
/// Until then each run reads again from the gap, and a row seen twice counts once.
/// </remarks>
public sealed class RealizedPnlByDay
{
    public static readonly TimeSpan GapGrace = TimeSpan.FromMinutes(10);

    private readonly SortedDictionary<DateOnly, decimal> _byDay = [];
    private readonly Dictionary<long, DateTimeOffset> _readAbove = [];
    private readonly Dictionary<long, DateTimeOffset> _gapSeenAt = [];
    private long _settled;

    /// <summary>Realized P&amp;L per New York close date, oldest first.</summary>
    public IReadOnlyDictionary<DateOnly, decimal> Days => _byDay;

    /// <summary>The same sums from a full read of the trade history (what a caller without memory does).</summary>
    public static IReadOnlyDictionary<DateOnly, decimal> Of(IEnumerable<TradeRecord> trades) =>
        new SortedDictionary<DateOnly, decimal>(trades.GroupBy(t => MarketTime.DateOf(t.ClosedAt)).ToDictionary(g => g.Key, g => g.Sum(t => t.PnlRealized)));

    public async Task CatchUpAsync(IPositionStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var trades = await store.TradesAfterAsync(_settled, cancellationToken).ConfigureAwait(false);
        foreach (var trade in trades)
        {
            if (_readAbove.TryAdd(trade.TradeId, trade.CreatedAt))
            {
                var day = MarketTime.DateOf(trade.ClosedAt);
                _byDay[day] = _byDay.GetValueOrDefault(day) + trade.PnlRealized;
            }
        }

        Settle(now);
    }

    /// <summary>Moves the settled id over every id read and every gap old enough, stopping at the first young gap.</summary>
    private void Settle(DateTimeOffset now)
    {
        var highest = _readAbove.Count == 0 ? _settled : _readAbove.Keys.Max();
        for (var id = _settled + 1; id <= highest; id++)
        {
            if (!_readAbove.Remove(id) && !GapExpired(id, now))
            {
                return;
            }

            _gapSeenAt.Remove(id);
            _settled = id;
        }
    }

    private bool GapExpired(long id, DateTimeOffset now)
    {
        var nextRead = _readAbove.Where(r => r.Key > id).MinBy(r => r.Key).Value;
        var seenAt = _gapSeenAt.TryGetValue(id, out var first) ? first : _gapSeenAt[id] = now;
        return now - (nextRead < seenAt ? nextRead : seenAt) >= GapGrace;
    }
}
