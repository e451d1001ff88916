namespace OptionsAutomation.Core.Positions;

/// <summary>
/// What is still open of one opening fill: <see cref="Quantity"/> units (always positive; the ledger's sign says
/// long or short) at the fill's price per share.
/// </summary>
public sealed record OpenLot(DateTimeOffset Time, int Quantity, decimal Price);
