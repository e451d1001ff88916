using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace OptionsAutomation.Cli;

/// <summary>Options shared by several verbs, with parsers that explain what they expect.</summary>
internal static class CliOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print machine-readable JSON (snake_case keys = column names)" };

    public static Option<DateOnly?> Date(string name, string description, bool required = false) => new(name)
    {
        Description = description + " (YYYY-MM-DD)",
        Required = required,
        CustomParser = ParseDate,
    };

    public static Option<DateTimeOffset?> Instant(string name, string description) => new(name)
    {
        Description = description + " (ISO 8601 with Z or an offset, e.g. 2026-02-20T14:17:00Z)",
        CustomParser = ParseInstant,
    };

    private static DateOnly? ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"'{text}' is not a date in the form YYYY-MM-DD.");
        return null;
    }

    private static DateTimeOffset? ParseInstant(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        // Without Z or an offset the instant would silently depend on the machine's zone.
        var hasZone = text.EndsWith('Z') || text.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d{2}:?\d{2}$");
        if (hasZone && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant.ToUniversalTime();
        }

        result.AddError($"'{text}' is not an ISO 8601 instant with Z or an offset (e.g. 2026-02-20T14:17:00Z).");
        return null;
    }
}
