using OptionsAutomation.Core.Marks;

namespace OptionsAutomation.Core.Trading;

/// <summary>Where marks are kept: one transaction per mark with its audit event (on a change of quality) and alert.</summary>
public interface IMarkLedger
{
    /// <summary>
    /// Stores a mark; queues <paramref name="alert"/> (deduplicated) when given. A change of mark quality is
    /// audited; a mark set by a person (<paramref name="manualActor"/>) always is.
    /// </summary>
    Task RecordMarkAsync(MarkUpdate update, Alert? alert, string? manualActor, DateTimeOffset now, CancellationToken cancellationToken);
}
