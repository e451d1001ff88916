namespace OptionsAutomation.Core.Positions;

/// <summary>
/// The side of an execution. Whether it opens or closes is not part of the fill: the ledger decides that from the
/// position it is applied to (a sell against a long closes, against a flat or short book it opens a short).
/// </summary>
public enum FillSide
{
    Buy,
    Sell,
}
