namespace OptionsAutomation.Core.Positions;

/// <summary>Appsettings section <c>Positions</c>: how fill ledgers book realized P&amp;L.</summary>
public sealed record PositionSettings
{
    public const string SectionName = "Positions";

    /// <summary>
    /// <c>fifo</c> or <c>average</c> (average cost). Text rather than the enum, so a wrong value is reported naming
    /// the key and the valid codes instead of failing inside the configuration binder.
    /// </summary>
    public string RealizedPnlMethod { get; init; } = "fifo";

    public Positions.RealizedPnlMethod Method => DomainCodes.Parse<Positions.RealizedPnlMethod>(RealizedPnlMethod);

    /// <summary>Every invalid setting, each message naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate() =>
        DomainCodes.TryParse<Positions.RealizedPnlMethod>(RealizedPnlMethod, out _)
            ? []
            : [$"{SectionName}:{nameof(RealizedPnlMethod)} must be one of {string.Join(", ", DomainCodes.Codes<Positions.RealizedPnlMethod>())}, was '{RealizedPnlMethod}'."];
}
