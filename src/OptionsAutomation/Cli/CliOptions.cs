using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Hosting;

namespace OptionsAutomation.Cli;

/// <summary>
/// Options shared by several verbs, with parsers that explain what they expect. Numbers are read in the invariant
/// culture only, without group separators: "1,5" must not become 15 (or 1.5 on one machine and 15 on another).
/// Dates and instants must lie in the years the NYSE calendar covers, so no value reaches the database as -infinity.
/// </summary>
internal static class CliOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print machine-readable JSON (snake_case keys = column names)" };

    public static Option<DateOnly?> Date(string name, string description, bool required = false) => new(name)
    {
        Description = description + " (YYYY-MM-DD)",
        Required = required,
        CustomParser = result => ParseDate(name, result),
    };

    public static Option<DateTimeOffset?> Instant(string name, string description) => new(name)
    {
        Description = description + " (ISO 8601 with Z or an offset, e.g. 2026-02-20T14:17:00Z)",
        CustomParser = result => ParseInstant(name, result),
    };

    /// <summary>
    /// A number option: digits with an optional sign, and a dot unless <typeparamref name="T"/> is an integer type.
    /// Without <paramref name="defaultValue"/> an option left out has no result (verbs test for its presence).
    /// </summary>
    public static Option<T> Number<T>(string name, string description, bool required = false, T? defaultValue = null)
        where T : struct, INumber<T>
    {
        var option = new Option<T>(name)
        {
            Description = description,
            Required = required,
            CustomParser = result => result.Tokens.Count == 0 ? defaultValue ?? T.Zero : ParseNumber<T>(name, result),
        };
        if (defaultValue is { } value)
        {
            option.DefaultValueFactory = _ => value;
        }

        return option;
    }

    /// <summary>As <see cref="Number{T}"/>, for an option that may be left out.</summary>
    public static Option<T?> OptionalNumber<T>(string name, string description)
        where T : struct, INumber<T> => new(name)
        {
            Description = description,
            CustomParser = result => ParseNumber<T>(name, result),
        };

    /// <summary>A whole-number argument, e.g. a position id.</summary>
    public static Argument<T> WholeArgument<T>(string name, string description)
        where T : struct, IBinaryInteger<T> => new(name)
        {
            Description = description,
            CustomParser = result => ParseNumber<T>(name, result),
        };

    private static T ParseNumber<T>(string name, ArgumentResult result)
        where T : struct, INumber<T>
    {
        var text = result.Tokens.Single().Value;
        var whole = IsWhole<T>();
        var styles = whole ? NumberStyles.AllowLeadingSign : NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        if (T.TryParse(text, styles, CultureInfo.InvariantCulture, out var value) && T.IsFinite(value))
        {
            return value;
        }

        result.AddError(NumberError(name, text, whole));
        return T.Zero;
    }

    private static string NumberError(string name, string text, bool whole)
    {
        if (whole)
        {
            return text.Contains(',', StringComparison.Ordinal) || text.Contains('.', StringComparison.Ordinal)
                ? $"{name} '{text}' is not a whole number; write it without separators or decimals, e.g. {WithoutSeparators(text)}."
                : $"{name} '{text}' is not a whole number (e.g. 2), or is too large.";
        }

        return text.Contains(',', StringComparison.Ordinal)
            ? $"{name} '{text}' has a comma; use a dot: {text.Replace(',', '.')}."
            : $"{name} '{text}' is not a number; use digits and a dot, e.g. 1.50.";
    }

    private static string WithoutSeparators(string text) =>
        new([.. text.TakeWhile(c => c != '.').Where(c => c != ',')]);

    /// <summary>Integer types divide 1 by 2 to 0, a whole number; decimal and double to 0.5.</summary>
    private static bool IsWhole<T>()
        where T : struct, INumber<T> => T.IsInteger(T.One / (T.One + T.One));

    private static DateOnly? ParseDate(string name, ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (!IsoText.TryParseDate(text, out var date))
        {
            result.AddError($"{name} '{text}' is not a date in the form {IsoText.DateForm}.");
            return null;
        }

        if (!NyseCalendar.Covers(date.Year))
        {
            result.AddError($"{name} '{text}' is outside the dates the NYSE calendar covers ({IsoText.CalendarSpan}).");
            return null;
        }

        return date;
    }

    private static DateTimeOffset? ParseInstant(string name, ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (!IsoText.TryParseInstant(text, out var instant))
        {
            result.AddError($"{name} '{text}' is not {IsoText.InstantForm}.");
            return null;
        }

        // Checked in UTC: the calendar's first and last days are UTC dates, and the database stores UTC.
        if (!NyseCalendar.Covers(instant.UtcDateTime.Year))
        {
            result.AddError($"{name} '{text}' is outside the dates the NYSE calendar covers ({IsoText.CalendarSpan}, UTC).");
            return null;
        }

        return instant;
    }
}
