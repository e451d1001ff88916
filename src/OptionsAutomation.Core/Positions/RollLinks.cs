namespace OptionsAutomation.Core.Positions;

/// <summary>
/// A position's place in a chain of rolls: the position it was rolled from and the one it was rolled into (a roll
/// closes one position and opens the next from the fills of one multi-leg order). Null where there is none.
/// </summary>
public sealed record RollLinks(long? RolledFromPositionId, long? RolledToPositionId)
{
    public static readonly RollLinks None = new(null, null);
}
