namespace OptionsAutomation.Core.Proposals;

/// <summary>How the screen picks the short put's strike in the chosen expiration (<c>Proposals:ShortStrike</c>).</summary>
public enum ShortStrikeRule
{
    /// <summary>The put whose |delta| is nearest <c>Proposals:TargetDelta</c> (the worker's default).</summary>
    Delta,

    /// <summary>
    /// At the money as Cboe's PutWrite index picks it: the highest listed strike at or below the underlying's price.
    /// </summary>
    AtOrBelowSpot,
}
