namespace OptionsAutomation.Core.Proposals;

/// <summary>
/// Appsettings section <c>Sizing</c>: how many contracts a proposal asks for. A VPC is sized by its max loss, a CSP by
/// the cash it ties up, and neither may take the account's committed capital (open CSPs' collateral plus open spreads'
/// max loss, the risk gate's exposure measure) past <see cref="MaxCommittedPct"/>.
/// </summary>
public sealed record SizingSettings
{
    public const string SectionName = "Sizing";

    /// <summary>Percent of account equity one VPC may lose (its max loss).</summary>
    public decimal RiskPerTradePct { get; init; } = 2m;

    /// <summary>
    /// Percent of account equity one CSP may tie up as collateral (strike × 100 a contract). 50 lets a $100k account
    /// secure one SPY put of 2021 (strikes 350–463); a 2% rule would need $2.3M for one contract.
    /// </summary>
    public decimal CollateralPerTradePct { get; init; } = 50m;

    /// <summary>
    /// Percent of account equity all open positions and this run's proposals may commit together. Keep it at most
    /// <c>Risk:MaxExposurePercent</c> so a sized proposal is not then refused by the gate's exposure check.
    /// </summary>
    public decimal MaxCommittedPct { get; init; } = 80m;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (key, value) in new[]
                 {
                     (nameof(RiskPerTradePct), RiskPerTradePct),
                     (nameof(CollateralPerTradePct), CollateralPerTradePct),
                     (nameof(MaxCommittedPct), MaxCommittedPct),
                 })
        {
            if (value is not (> 0m and <= 100m))
            {
                errors.Add($"{SectionName}:{key} must be in (0, 100], was {value}.");
            }
        }

        return errors;
    }
}
