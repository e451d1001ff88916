using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// The closing orders of positions and their outcomes. Each method is one transaction with its audit events and alert,
/// so a crash at any point leaves either the old state or the new one, never half of it.
/// </summary>
public interface ICloseLedger
{
    /// <summary>
    /// The position's cross-process close lock, without waiting: null when another process is closing it (or
    /// recovering its closing order). Held for the whole close, so two workers never follow one order at once.
    /// </summary>
    Task<IAsyncDisposable?> TryLockCloseAsync(long positionId, CancellationToken cancellationToken);


    /// <summary>Whether the order is still not final (re-read under the close lock before recovery acts on it).</summary>
    Task<bool> IsOrderWorkingAsync(string clientOrderId, CancellationToken cancellationToken);


    /// <summary>
    /// Under the position's row lock: re-reads it, refuses unless it is still OPEN, refuses while a closing order for it
    /// is at work (so a second caller never sends a second order), and records a PENDING closing order for its current
    /// open quantity before it is sent. <paramref name="actor"/> is audited.
    /// </summary>
    /// <returns>The order's client order id and the position as locked (its quantity is what the order closes).</returns>
    /// <exception cref="Positions.PositionNotFoundException">when there is no such position.</exception>
    /// <exception cref="PositionNotOpenException">when it is no longer OPEN.</exception>
    /// <exception cref="OrderInProgressException">when a closing order for it is still working.</exception>
    Task<(string ClientOrderId, Position Position)> BeginCloseAsync(long positionId, ExitReason reason, string actor, DateTimeOffset now, CancellationToken cancellationToken);


    /// <summary>The broker acknowledged the closing order or filled part of it: the order moves (audited once per change).</summary>
    Task RecordCloseProgressAsync(Position position, OrderState state, string actor, DateTimeOffset now, CancellationToken cancellationToken);


    /// <summary>
    /// The closing order is final with something filled: the order moves to its final state, its fills are stored, the
    /// position closes — whole, or in part via <paramref name="close"/> for the filled quantity — with the trade_history
    /// row of what closed, the breaker is fed <paramref name="feed"/> and the exit alert is queued, in one transaction.
    /// </summary>
    Task<ClosedPosition> CompleteCloseAsync(
        long positionId, OrderState fill, Func<Position, ClosedPosition> close, BreakerFeed feed, string actor, DateTimeOffset now, CancellationToken cancellationToken);


    /// <summary>
    /// The closing order closed nothing: the order moves to <paramref name="final"/> (REJECTED, CANCELLED) or, when
    /// the outcome is unknown (null: the broker call itself failed), to UNKNOWN for recovery to ask the broker again.
    /// The position stays OPEN; the breaker is fed <paramref name="feed"/>; the failure alert is queued.
    /// </summary>
    Task RecordFailedCloseAsync(
        Position position, string clientOrderId, OrderState? final, string error, BreakerFeed feed, Alert alert, string actor, DateTimeOffset now, CancellationToken cancellationToken);
}
