using System.CommandLine;
using System.CommandLine.Parsing;
using OptionsAutomation.Hosting;

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
        if (IsoText.TryParseDate(text, out var date))
        {
            return date;
        }

        result.AddError($"'{text}' is not a date in the form {IsoText.DateForm}.");
        return null;
    }

    private static DateTimeOffset? ParseInstant(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (IsoText.TryParseInstant(text, out var instant))
        {
            return instant;
        }

        result.AddError($"'{text}' is not {IsoText.InstantForm}.");
        return null;
    }
}
