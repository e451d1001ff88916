using System.Globalization;

namespace OptionsAutomation.Core.Risk;

/// <summary>How figures appear in denial context and summaries: invariant culture, so the text is stable to parse and compare.</summary>
internal static class RiskFormat
{
    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Percent(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A per-share price, with the 4 decimals prices may carry.</summary>
    public static string Price(decimal value) => Trading.MoneyText.Price(value);

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Minutes(TimeSpan value) => value.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Part of a whole as a percentage, for display only: the checks compare exact products, never this rounded ratio.</summary>
    public static string Share(decimal part, decimal whole) => Percent(Math.Round(part / whole * 100m, 2, MidpointRounding.AwayFromZero));
}
