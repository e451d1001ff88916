namespace OptionsAutomation.Core.Proposals.Sizing;

/// <summary>The names <c>Sizing:Strategy</c> accepts.</summary>
public static class SizingStrategies
{
    public const string Fixed = "fixed";
    public const string Kelly = "kelly";
    public const string Volatility = "volatility";
    public const string Portfolio = "portfolio";
    public const string Ml = "ml";

    public static IReadOnlyList<string> Built { get; } = [Fixed, Kelly, Volatility, Portfolio, Ml];

    /// <summary>The error for a configured name, or null when it is a built strategy.</summary>
    public static string? Problem(string key, string? name) => name switch
    {
        Fixed or Kelly or Volatility or Portfolio or Ml => null,
        _ => $"{key} is '{name}'; expected one of {string.Join(", ", Built)}.",
    };
}
