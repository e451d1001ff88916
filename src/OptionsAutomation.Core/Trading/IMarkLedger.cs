using OptionsAutomation.Core.Marks;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// Where marks are kept. A mark lands only on an OPEN position of the quantity it was computed for (a close that
/// committed first wins); a change of mark quality is audited per position; alerts are queued deduplicated.
/// </summary>
public interface IMarkLedger
{
    /// <summary>
    /// Stores one mark in its own transaction; queues <paramref name="alert"/> (deduplicated) when given. A change of
    /// mark quality is audited; a mark set by a person (<paramref name="manualActor"/>) always is.
    /// </summary>
    Task RecordMarkAsync(MarkUpdate update, Alert? alert, string? manualActor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a sweep's batch of marks in ONE transaction, with their audit rows (quality changes) and alerts: all of
    /// them or none.
    /// </summary>
    Task RecordMarksAsync(IReadOnlyList<MarkRecord> marks, DateTimeOffset now, CancellationToken cancellationToken);
}
