using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// Persistence port of the exit automation. Each method is one transaction with its audit event and
/// alert, so a crash at any point leaves either the old state or the new one, never half of it.
/// </summary>
public interface IExitLedger
{
    /// <summary>
    /// Stores a mark; queues <paramref name="alert"/> (deduplicated) when given. A change of mark quality is
    /// audited; a mark set by a person (<paramref name="manualActor"/>) always is.
    /// </summary>
    Task RecordMarkAsync(MarkUpdate update, Alert? alert, string? manualActor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Records a PENDING closing order before it is sent and returns its client order id. When a closing
    /// order for the position is already pending (a crash after sending), returns that one's id so the
    /// retry reuses the broker's idempotency key. Closes of one position are serialised (its row is locked), so two
    /// callers at once (the exit job, a person) follow one order. <paramref name="actor"/> is audited.
    /// </summary>
    Task<string> BeginCloseAsync(Position position, ExitReason reason, string actor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The order filled: marks it FILLED, records its fills, closes the position via <paramref name="close"/>
    /// with its trade_history row, and queues the exit alert.
    /// </summary>
    Task<ClosedPosition> CompleteCloseAsync(
        long positionId, OrderState fill, Func<Position, ClosedPosition> close, string actor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The order did not fill: records why, leaves the position OPEN, queues the failure alert. When the
    /// outcome is unknown (<paramref name="outcomeUnknown"/>: the broker call itself failed) the order stays
    /// PENDING, so the next attempt resubmits the same client order id instead of risking a second trade.
    /// </summary>
    Task RecordFailedCloseAsync(
        Position position, string clientOrderId, string error, bool outcomeUnknown, Alert alert, string actor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Settles an expired position in one transaction: closes it via <paramref name="close"/>, opens the
    /// assigned shares when there are any, audits both and queues the expiration alert.
    /// </summary>
    /// <returns>The closed position and the id of the shares position, if one was opened.</returns>
    Task<(ClosedPosition Closed, long? SharesPositionId)> SettleExpirationAsync(
        long positionId, Func<Position, ClosedPosition> close, AssignedShares? shares, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Queues an alert on its own (e.g. an expiration that could not be settled).</summary>
    Task AlertAsync(Alert alert, DateTimeOffset now, CancellationToken cancellationToken);
}
