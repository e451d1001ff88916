namespace OptionsAutomation.Core.Proposals;

/// <summary>Appsettings section <c>Sizing</c>: how many contracts a proposal asks for.</summary>
public sealed record SizingSettings
{
    public const string SectionName = "Sizing";

    /// <summary>Percent of account equity one trade may put at risk (max loss of a VPC, collateral of a CSP).</summary>
    public decimal RiskPerTradePct { get; init; } = 2m;

    public IReadOnlyList<string> Validate() =>
        RiskPerTradePct is > 0m and <= 100m ? [] : [$"{SectionName}:{nameof(RiskPerTradePct)} must be in (0, 100], was {RiskPerTradePct}."];
}
