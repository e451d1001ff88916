using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Core.Reconciliation;

/// <summary>Every reconciliation run, kept so that a difference already reported is not reported again.</summary>
public interface IReconciliationLog
{
    /// <summary>The latest run; null before the first.</summary>
    Task<ReconciliationRun?> LastAsync(CancellationToken cancellationToken);

    /// <summary>
    /// One transaction: the run, and with an <paramref name="alert"/> (a new difference) its audit event and the alert.
    /// </summary>
    Task RecordAsync(ReconciliationReport report, Alert? alert, CancellationToken cancellationToken);
}
