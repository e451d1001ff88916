using OptionsAutomation.Core;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Hosting;

namespace OptionsAutomation.Web.Api;

/// <summary>Parses query values as the CLI options do; anything unusable is an <see cref="ApiInputException"/> (400).</summary>
internal static class ApiInput
{
    /// <summary>The longest free text a body may carry (a reason): enough for a sentence, not for a document.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Dates and instants must lie where the market calendar knows the sessions; beyond it every report fails.</summary>
    public static DateOnly? Date(string? text, string name) =>
        text is null ? null
        : !IsoText.TryParseDate(text, out var date) ? throw new ApiInputException($"{name} '{text}' is not a date in the form {IsoText.DateForm}.")
        : NyseCalendar.Covers(date.Year) ? date
        : throw new ApiInputException($"{name} '{text}' is outside the market calendar ({IsoText.CalendarSpan}).");

    public static DateTimeOffset? Instant(string? text, string name) =>
        text is null ? null
        : !IsoText.TryParseInstant(text, out var instant) ? throw new ApiInputException($"{name} '{text}' is not {IsoText.InstantForm}.")
        : NyseCalendar.Covers(instant.Year) ? instant
        : throw new ApiInputException($"{name} '{text}' is outside the market calendar ({IsoText.CalendarSpan}).");

    /// <summary>
    /// A query, route or body value: text the database can store and a person can read. Every API request's query
    /// and route values pass here (<see cref="ApiValueFilter"/>), so a NUL byte never reaches Postgres, which refuses
    /// it (a 500 before).
    /// </summary>
    public static string? Text(string? text, string name) =>
        text is not null && text.Any(char.IsControl)
            ? throw new ApiInputException($"{Printable(name)} '{Printable(text)}' contains a control character.")
            : text;

    /// <summary>A free-text reason from a body: at most <see cref="MaxReasonLength"/> characters, line breaks and tabs allowed.</summary>
    public static string? Reason(string? text, string name = "reason") =>
        text switch
        {
            null => null,
            { Length: > MaxReasonLength } => throw new ApiInputException($"{name} has {text.Length} characters; at most {MaxReasonLength} are accepted."),
            _ when text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) =>
                throw new ApiInputException($"{name} '{Printable(text)}' contains a control character."),
            _ => text,
        };

    /// <summary>Echoes a refused value with its control characters escaped (\u0000), so the answer names it legibly.</summary>
    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    public static (DateOnly? From, DateOnly? To) Range(string? from, string? to)
    {
        var (first, last) = (Date(from, "from"), Date(to, "to"));
        return first > last ? throw new ApiInputException($"from {first:yyyy-MM-dd} is after to {last:yyyy-MM-dd}.") : (first, last);
    }

    public static T? Code<T>(string? text, string name) where T : struct, Enum =>
        text is null ? null
        : DomainCodes.TryParse<T>(text, out var value) ? value
        : throw new ApiInputException($"{name} '{text}' is not one of {string.Join(", ", DomainCodes.Codes<T>())}.");

    public static int Limit(int? limit, int fallback = 50, int max = 500) =>
        limit switch
        {
            null => fallback,
            >= 1 and var l when l <= max => l,
            _ => throw new ApiInputException($"limit must be between 1 and {max}, was {limit}."),
        };
}
