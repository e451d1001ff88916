namespace OptionsAutomation.Core.Brief;

/// <summary>
/// Appsettings section <c>MorningBrief</c>: how close to an exit rule an open position must be for the brief to flag it.
/// The rules themselves (days to expiry, profit target, stop) are the <c>ExitRules</c> section's and the position's own;
/// these only say how early to point at them.
/// </summary>
public sealed record MorningBriefSettings
{
    public const string SectionName = "MorningBrief";

    /// <summary>Flag a position this many days (or fewer) before the days-to-expiry exit fires.</summary>
    public int NearDaysToExpiry { get; init; } = 5;

    /// <summary>Flag a position whose P&amp;L has reached this fraction of its profit target (0.80 = 80%).</summary>
    public decimal NearProfitTargetFraction { get; init; } = 0.80m;

    /// <summary>Flag a position whose loss has reached this fraction of its stop (0.80 = 80%).</summary>
    public decimal NearStopLossFraction { get; init; } = 0.80m;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (NearDaysToExpiry < 0)
        {
            errors.Add($"{SectionName}:{nameof(NearDaysToExpiry)} must not be negative, was {NearDaysToExpiry}.");
        }

        if (NearProfitTargetFraction is <= 0m or > 1m)
        {
            errors.Add($"{SectionName}:{nameof(NearProfitTargetFraction)} must be in (0, 1], was {NearProfitTargetFraction}.");
        }

        if (NearStopLossFraction is <= 0m or > 1m)
        {
            errors.Add($"{SectionName}:{nameof(NearStopLossFraction)} must be in (0, 1], was {NearStopLossFraction}.");
        }

        return errors;
    }
}
