namespace OptionsAutomation.Core.Proposals;

/// <summary>Appsettings section <c>Execution</c>: when approved proposals may be sent to the broker.</summary>
public sealed record ExecutionSettings
{
    public const string SectionName = "Execution";

    /// <summary>Send opening orders outside NYSE sessions too (demos and weekend tests); off in production.</summary>
    public bool AllowOutsideSession { get; init; }
}
