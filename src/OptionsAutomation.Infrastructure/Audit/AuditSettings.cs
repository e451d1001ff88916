namespace OptionsAutomation.Infrastructure.Audit;

/// <summary>Appsettings section <c>Audit</c>: where committed audit events are mirrored as daily JSON-lines files.</summary>
public sealed record AuditSettings
{
    public const string SectionName = "Audit";

    /// <summary>Directory of <c>audit-YYYY-MM-DD.jsonl</c>; relative paths are taken from the current directory.</summary>
    public string Directory { get; init; } = "logs/audit";

    /// <summary>Seconds between two exports in the worker.</summary>
    public double ExportIntervalSeconds { get; init; } = 2;

    /// <summary>Every invalid setting, each message naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Directory))
        {
            errors.Add($"{SectionName}:{nameof(Directory)} must not be empty.");
        }

        if (ExportIntervalSeconds is <= 0 or double.NaN or double.PositiveInfinity)
        {
            errors.Add($"{SectionName}:{nameof(ExportIntervalSeconds)} must be above 0, was {ExportIntervalSeconds}.");
        }

        return errors;
    }
}
