namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>Where a model figure leaves the model: dollars to the cent, ratios to 6 decimals.</summary>
internal static class RiskRounding
{
    public static decimal Cents(double dollars) => Math.Round((decimal)dollars, 2, MidpointRounding.AwayFromZero);

    public static decimal Ratio(double ratio) => Math.Round((decimal)ratio, 6, MidpointRounding.AwayFromZero);
}
