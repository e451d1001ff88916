using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading;

/// <summary>Marks open positions and stores the marks; a stale or unusable mark flags the position and alerts.</summary>
public sealed class MarkToMarketService(IPositionStore positions, IMarkLedger ledger, PositionValuer valuer, GreeksEstimator greeks, TimeProvider clock)
{
    /// <summary>
    /// How many positions one mark transaction stores: large enough that a statement's round trip is spread thin, small
    /// enough that a batch's row locks and memory stay short-lived.
    /// </summary>
    public const int BatchSize = 2_000;

    public async Task<IReadOnlyList<MarkedPosition>> MarkAllAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var open = await positions.ListAsync(PositionStatusFilter.Open, null, cancellationToken).ConfigureAwait(false);
        var results = new List<MarkedPosition>(open.Count);
        foreach (var batch in open.Chunk(BatchSize))
        {
            results.AddRange(await MarkBatchAsync(batch, asOf, persist: true, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>
    /// Marks a batch and, with <paramref name="persist"/>, stores every mark in one transaction
    /// (<see cref="IMarkLedger.RecordMarksAsync"/>); with it false nothing is written and no Greeks are estimated (dry runs).
    /// </summary>
    public async Task<IReadOnlyList<MarkedPosition>> MarkBatchAsync(IReadOnlyList<Position> batch, DateTimeOffset asOf, bool persist, CancellationToken cancellationToken)
    {
        var marked = new MarkedPosition[batch.Count];
        var records = persist ? new MarkRecord[batch.Count] : null;
        var now = clock.GetUtcNow();
        for (var i = 0; i < batch.Count; i++)
        {
            var (result, alert) = await ValueAsync(batch[i], asOf, now, persist, cancellationToken).ConfigureAwait(false);
            marked[i] = result;
            if (records is not null)
            {
                records[i] = new MarkRecord(result.Update, alert);
            }
        }

        if (records is not null)
        {
            await ledger.RecordMarksAsync(records, null, now, cancellationToken).ConfigureAwait(false);
        }

        return marked;
    }

    /// <summary>Marks one position; with <paramref name="persist"/> false nothing is written and no Greeks are estimated (dry runs).</summary>
    public async Task<MarkedPosition> MarkAsync(Position position, DateTimeOffset asOf, bool persist, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (marked, alert) = await ValueAsync(position, asOf, now, persist, cancellationToken).ConfigureAwait(false);
        if (persist)
        {
            // A batch of one: the job's marks are stored by one writer, whatever their number.
            await ledger.RecordMarksAsync([new MarkRecord(marked.Update, alert)], null, now, cancellationToken).ConfigureAwait(false);
        }

        return marked;
    }

    /// <returns>The marked position, and the alert its mark raises when it is to be stored.</returns>
    private async Task<(MarkedPosition Marked, Alert? Alert)> ValueAsync(Position position, DateTimeOffset asOf, DateTimeOffset now, bool persist, CancellationToken cancellationToken)
    {
        var mark = await valuer.MarkAsync(position, asOf, cancellationToken).ConfigureAwait(false);
        // Greeks are stored for the risk views; no exit rule reads them, so a dry run (nothing stored) skips them.
        var update = MarkUpdate.For(position, mark, mark.IsFresh && persist ? greeks.Estimate(position, mark.LegQuotes, asOf) : null);
        var alert = mark.IsFresh || !persist ? null : Alert.MarkProblem(position, mark.Quality, mark.Problem ?? "", MarketTime.DateOf(asOf));
        return (new MarkedPosition(update.ApplyTo(position, now), mark, update), alert);
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
        await ledger.RecordMarksAsync([new MarkRecord(update, null)], actor, now, cancellationToken).ConfigureAwait(false);
        return update.ApplyTo(position, now);
    }
}
