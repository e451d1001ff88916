using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Pricing;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;

namespace OptionsAutomation.Core.Trading;

/// <summary>Every setting the trading use cases run by (<see cref="TradingServices"/>); each defaults as in appsettings.</summary>
public sealed record TradingSettings
{
    public ProposalSettings Proposals { get; init; } = new();

    public SizingSettings Sizing { get; init; } = new();

    public ExitRuleSettings Exits { get; init; } = new();

    public ScalingInSettings ScalingIn { get; init; } = new();

    public ExecutionSettings Execution { get; init; } = new();

    public RiskSettings Risk { get; init; } = new();

    public PortfolioRiskSettings Portfolio { get; init; } = new();

    public PricingSettings Pricing { get; init; } = new();
}
