namespace OptionsAutomation.Infrastructure.Publishing;

/// <summary>
/// Appsettings section <c>Publishing</c>: what public performance pages may show. Position sizes (contracts) stay out
/// unless <see cref="ShowSizes"/> is set.
/// </summary>
public sealed record PublishingSettings
{
    public const string SectionName = "Publishing";

    public bool ShowSizes { get; init; }
}
