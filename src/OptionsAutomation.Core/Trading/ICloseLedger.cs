using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// The closing orders of positions up to their outcome (booked through <see cref="Journal.ITradingJournal"/>). Each
/// method is one transaction with its audit events, so a crash at any point leaves either the old state or the new one.
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
    /// open quantity before it is sent, at <paramref name="limitPrice"/> (null: marketable). <paramref name="actor"/> is audited.
    /// </summary>
    /// <returns>The order's client order id and the position as locked (its quantity is what the order closes).</returns>
    /// <exception cref="Positions.PositionNotFoundException">when there is no such position.</exception>
    /// <exception cref="PositionNotOpenException">when it is no longer OPEN.</exception>
    /// <exception cref="OrderInProgressException">when a closing order for it is still working.</exception>
    Task<(string ClientOrderId, Position Position)> BeginCloseAsync(long positionId, ExitReason reason, decimal? limitPrice, string actor, DateTimeOffset now, CancellationToken cancellationToken);


    /// <summary>The broker acknowledged the closing order or filled part of it: the order moves (audited once per change).</summary>
    Task RecordCloseProgressAsync(Position position, OrderState state, string actor, DateTimeOffset now, CancellationToken cancellationToken);
}
