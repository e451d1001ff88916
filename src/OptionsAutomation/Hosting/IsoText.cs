using System.Globalization;
using System.Text.RegularExpressions;
using OptionsAutomation.Core.Calendar;

namespace OptionsAutomation.Hosting;

/// <summary>The date and instant forms the CLI options and the HTTP API accept, parsed the same way in both.</summary>
public static partial class IsoText
{
    public const string DateForm = "YYYY-MM-DD";

    public const string InstantForm = "an ISO 8601 instant with Z or an offset (e.g. 2026-02-20T14:17:00Z)";

    /// <summary>The dates the NYSE calendar covers, for refusals of a date or instant outside them.</summary>
    public static readonly string CalendarSpan = $"{NyseCalendar.FirstYear}-01-01 to {NyseCalendar.LastYear}-12-31";

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Refuses a local time without Z or an offset: it would silently depend on the machine's zone.</summary>
    public static bool TryParseInstant(string text, out DateTimeOffset instant)
    {
        var hasZone = text.EndsWith('Z') || text.EndsWith('z') || ZoneSuffix().IsMatch(text);
        if (hasZone && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            instant = parsed.ToUniversalTime();
            return true;
        }

        instant = default;
        return false;
    }

    [GeneratedRegex(@"[+-]\d{2}:?\d{2}$")]
    private static partial Regex ZoneSuffix();
}
