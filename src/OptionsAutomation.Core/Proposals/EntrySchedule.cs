namespace OptionsAutomation.Core.Proposals;

/// <summary>On which sessions the screen may propose (<c>Proposals:EntrySchedule</c>).</summary>
public enum EntrySchedule
{
    /// <summary>Every session (the worker's default).</summary>
    Daily,

    /// <summary>
    /// Only on a monthly expiration day (the third Friday, or the session before it when the NYSE is closed), the roll of
    /// an index put-write: a position expiring that day settles at its close, so the screen does not count it against
    /// the ticker's slot or the committed capital — its collateral passes to the new position.
    /// </summary>
    MonthlyRoll,
}
