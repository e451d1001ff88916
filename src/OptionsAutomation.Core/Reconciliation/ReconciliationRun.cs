namespace OptionsAutomation.Core.Reconciliation;

/// <summary>A stored reconciliation: its id and the signature of what it found (empty when everything matched).</summary>
public sealed record ReconciliationRun(long RunId, string Signature);
