namespace OptionsAutomation.Core.Positions;

/// <summary>Appsettings section <c>Positions</c>: how fill ledgers book realized P&amp;L, and how far out a hand-recorded expiration may lie.</summary>
public sealed record PositionSettings
{
    public const string SectionName = "Positions";

    /// <summary>
    /// <c>fifo</c> or <c>average</c> (average cost). Text rather than the enum, so a wrong value is reported naming
    /// the key and the valid codes instead of failing inside the configuration binder.
    /// </summary>
    public string RealizedPnlMethod { get; init; } = "fifo";

    /// <summary>
    /// Latest expiration <c>positions add</c> accepts, in years after the open date (see <see cref="ManualEntryBounds"/>).
    /// Listed LEAPS run to about three years, so 3 admits every listed option and refuses a typed 9999.
    /// </summary>
    public int MaxExpirationYears { get; init; } = 3;

    public Positions.RealizedPnlMethod Method => DomainCodes.Parse<Positions.RealizedPnlMethod>(RealizedPnlMethod);

    /// <summary>Every invalid setting, each message naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!DomainCodes.TryParse<Positions.RealizedPnlMethod>(RealizedPnlMethod, out _))
        {
            errors.Add($"{SectionName}:{nameof(RealizedPnlMethod)} must be one of {string.Join(", ", DomainCodes.Codes<Positions.RealizedPnlMethod>())}, was '{RealizedPnlMethod}'.");
        }

        if (MaxExpirationYears is < 1 or > 10)
        {
            errors.Add($"{SectionName}:{nameof(MaxExpirationYears)} must be 1 to 10, was {MaxExpirationYears}.");
        }

        return errors;
    }
}
