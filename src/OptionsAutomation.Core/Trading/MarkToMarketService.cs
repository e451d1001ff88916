using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading;

/// <summary>Marks open positions and stores the marks; a stale or unusable mark flags the position and alerts.</summary>
public sealed class MarkToMarketService(IPositionStore positions, IMarkLedger ledger, PositionValuer valuer, GreeksEstimator greeks, TimeProvider clock)
{
    public async Task<IReadOnlyList<MarkedPosition>> MarkAllAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var open = await positions.ListAsync(PositionStatusFilter.Open, null, cancellationToken).ConfigureAwait(false);
        var results = new List<MarkedPosition>(open.Count);
        foreach (var position in open)
        {
            results.Add(await MarkAsync(position, asOf, persist: true, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Marks one position; with <paramref name="persist"/> false nothing is written (dry runs).</summary>
    public async Task<MarkedPosition> MarkAsync(Position position, DateTimeOffset asOf, bool persist, CancellationToken cancellationToken)
    {
        var mark = await valuer.MarkAsync(position, asOf, cancellationToken).ConfigureAwait(false);
        var update = MarkUpdate.For(position, mark, mark.IsFresh ? greeks.Estimate(position, mark.LegQuotes, asOf) : null);
        var now = clock.GetUtcNow();
        if (persist)
        {
            var alert = mark.IsFresh ? null : Alert.MarkProblem(position, mark.Quality, mark.Problem ?? "", MarketTime.DateOf(asOf));
            await ledger.RecordMarkAsync(update, alert, null, now, cancellationToken).ConfigureAwait(false);
        }

        return new MarkedPosition(update.ApplyTo(position, now), mark, update);
    }

    /// <summary>A mark set by a person (<c>optauto positions mark</c>): treated as fresh now, audited.</summary>
    public async Task<Position> MarkManuallyAsync(long positionId, decimal price, string actor, CancellationToken cancellationToken)
    {
        var position = await positions.FindAsync(positionId, cancellationToken).ConfigureAwait(false)
            ?? throw new PositionNotFoundException(positionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (position.Status != PositionStatus.Open)
        {
            throw new PositionNotOpenException(positionId, position.Status);
        }

        var errors = new List<string>();
        Instruments.PriceRules.RequireNonNegative(errors, "mark price", price, Instruments.PriceRules.PriceDecimals);
        PositionRuleException.ThrowIfAny(errors);

        var now = clock.GetUtcNow();
        var update = MarkUpdate.For(position, new PositionMark(price, now, MarkQuality.Fresh, null, []), greeks: null);
        await ledger.RecordMarkAsync(update, null, actor, now, cancellationToken).ConfigureAwait(false);
        return update.ApplyTo(position, now);
    }
}
