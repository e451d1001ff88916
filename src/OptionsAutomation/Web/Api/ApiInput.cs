using OptionsAutomation.Core;
using OptionsAutomation.Hosting;

namespace OptionsAutomation.Web.Api;

/// <summary>Parses query values as the CLI options do; anything unusable is an <see cref="ApiInputException"/> (400).</summary>
internal static class ApiInput
{
    public static DateOnly? Date(string? text, string name) =>
        text is null ? null
        : IsoText.TryParseDate(text, out var date) ? date
        : throw new ApiInputException($"{name} '{text}' is not a date in the form {IsoText.DateForm}.");

    public static DateTimeOffset? Instant(string? text, string name) =>
        text is null ? null
        : IsoText.TryParseInstant(text, out var instant) ? instant
        : throw new ApiInputException($"{name} '{text}' is not {IsoText.InstantForm}.");

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
