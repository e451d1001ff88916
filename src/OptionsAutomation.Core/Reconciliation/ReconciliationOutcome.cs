using OptionsAutomation.Core.Risk;

namespace OptionsAutomation.Core.Reconciliation;

/// <summary>
/// A reconciliation and what it did: <see cref="Alerted"/> when its differences were new (not those of the run before),
/// and the trading state it moved to then, if that tightened it.
/// </summary>
public sealed record ReconciliationOutcome(ReconciliationReport Report, bool Alerted, TradingState? StateSetTo);
