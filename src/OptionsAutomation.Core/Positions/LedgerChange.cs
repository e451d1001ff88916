namespace OptionsAutomation.Core.Positions;

/// <summary>What applying one fill did: the ledger after it and, when the fill closed something, what that realized.</summary>
public sealed record LedgerChange(InstrumentLedger Ledger, RealizingFill? Realized);
