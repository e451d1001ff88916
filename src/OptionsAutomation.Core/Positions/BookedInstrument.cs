using System.Collections.Immutable;

namespace OptionsAutomation.Core.Positions;

/// <summary>One instrument in a <see cref="LedgerBook"/>: its ledger and every fill that realized P&amp;L on it, in order.</summary>
public sealed record BookedInstrument(InstrumentLedger Ledger, ImmutableList<RealizingFill> RealizingFills);
