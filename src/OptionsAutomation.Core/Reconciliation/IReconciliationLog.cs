namespace OptionsAutomation.Core.Reconciliation;

/// <summary>
/// Reads back the reconciliation runs (written through the journal, <see cref="Trading.Journal.ReconciliationRecorded"/>),
/// so that a difference already reported is not reported again.
/// </summary>
public interface IReconciliationLog
{
    /// <summary>The latest run; null before the first.</summary>
    Task<ReconciliationRun?> LastAsync(CancellationToken cancellationToken);
}
