namespace OptionsAutomation.Core.Pricing;

/// <summary>Appsettings section <c>Pricing</c>: model inputs that quotes do not carry.</summary>
public sealed record PricingSettings
{
    public const string SectionName = "Pricing";

    /// <summary>Continuously compounded risk-free rate (0.04 = 4%).</summary>
    public double RiskFreeRate { get; init; } = 0.04;

    /// <summary>Continuous dividend yield per underlying; underlyings not listed use 0.</summary>
    public IReadOnlyDictionary<string, double> DividendYields { get; init; } = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);

    public double DividendYieldOf(string underlying) =>
        DividendYields.TryGetValue(underlying, out var q) ? q : 0.0;
}
