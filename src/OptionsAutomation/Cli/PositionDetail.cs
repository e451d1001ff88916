using System.Globalization;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.TradeJournal;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Cli;

/// <summary>
/// One position with what belongs to it, as <c>positions show</c> and <c>GET /api/positions/{id}</c> both show it:
/// its roll chain, every fill booked to it, its orders' re-price steps and the journal's entries, newest first.
/// </summary>
internal sealed record PositionDetail(
    Position Position, RollLinks Rolls, IReadOnlyList<OrderFillRecord> Fills, IReadOnlyList<OrderReprice> PriceSteps, IReadOnlyList<JournalEntry> Journal);

/// <summary>Finds a position by id or request id and reads its <see cref="PositionDetail"/>.</summary>
internal sealed class PositionDetailReader(PositionManager positions, IOrderRecords orders, PostgresJournalNotes journal, PostgresRollLinks rolls)
{
    /// <summary>The journal entries shown; <c>journal list --position</c> pages through them all.</summary>
    private const int JournalShown = 500;

    /// <exception cref="PositionNotFoundException">when no position has that id or request id.</exception>
    public async Task<PositionDetail> ReadAsync(string key, CancellationToken cancellationToken)
    {
        // A numeric key is a position id first; request ids may be numeric too, so fall back to them.
        var position = long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var positionId)
            ? await positions.FindAsync(positionId, cancellationToken).ConfigureAwait(false)
            : null;
        position ??= await positions.FindByRequestIdAsync(key, cancellationToken).ConfigureAwait(false)
            ?? throw new PositionNotFoundException(key);
        var id = position.PositionId;
        return new PositionDetail(
            position,
            await rolls.OfAsync(id, cancellationToken).ConfigureAwait(false),
            await orders.FillsOfPositionAsync(id, cancellationToken).ConfigureAwait(false),
            await Cli.PriceSteps.OfAsync(orders, new OrderFilter(id), cancellationToken).ConfigureAwait(false),
            await journal.ListAsync(id, null, JournalShown, cancellationToken).ConfigureAwait(false));
    }
}
