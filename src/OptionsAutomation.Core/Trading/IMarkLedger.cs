namespace OptionsAutomation.Core.Trading;

/// <summary>
/// Where marks are kept. A mark lands only on an OPEN position of the quantity it was computed for (a close that
/// committed first wins); alerts are queued deduplicated.
/// </summary>
public interface IMarkLedger
{
    /// <summary>
    /// Stores a batch of marks (a sweep's, or one) in ONE transaction, with their audit rows and alerts: all of them or
    /// none. Marks the job computed are audited when their quality changes; marks a person set, every one.
    /// </summary>
    /// <param name="person">Who set these marks by hand; null for the mark job and the exit sweep.</param>
    Task RecordMarksAsync(IReadOnlyList<MarkRecord> marks, string? person, DateTimeOffset now, CancellationToken cancellationToken);
}
