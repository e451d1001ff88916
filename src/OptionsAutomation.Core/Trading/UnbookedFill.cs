using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Core.Trading;

/// <summary>Why trading halts when a broker filled an order we cannot book (crossed quotes: a credit spread closed for a credit).</summary>
public static class UnbookedFill
{
    public static string Reason(OrderState outcome, string detail) =>
        $"UNBOOKED_FILL: order {outcome.ClientOrderId} filled {outcome.FilledQuantity} but could not be booked ({detail}); its fills are stored — reconcile with the broker, then resume";

    /// <summary>
    /// Commits the <paramref name="booking"/> of such an order and, in the same journal entry, HALTS trading (unless it is
    /// already): a crash can never leave the fill stored without the halt it calls for.
    /// </summary>
    public static async Task CommitHaltingAsync(
        ITradingJournal journal, IReadOnlyList<TradingEvent> booking, OrderState outcome, string detail, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        await using var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false);
        var controls = await entry.LockControlsAsync(cancellationToken).ConfigureAwait(false);
        var halt = ControlsBooking.Tightened(controls.State, TradingState.Halted, Reason(outcome, detail), actor, now) ?? [];
        await entry.CommitAsync([.. booking, .. halt], now, cancellationToken).ConfigureAwait(false);
    }
}
