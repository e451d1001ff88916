using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Proposals.Sizing;

/// <summary>
/// The worksheet every strategy fills: its inputs and steps in order, then the dollar limits the trade must fit; the
/// smallest limit is the budget and names the binding limit, and the contracts are the budget over what one contract
/// commits, rounded down.
/// </summary>
internal sealed class SizingSheet
{
    private readonly List<SizingStep> _inputs = [];
    private readonly List<SizingStep> _steps = [];
    private readonly List<(string Name, decimal Dollars)> _limits = [];

    public SizingSheet(SizingRequest request, ExitRuleSettings rules)
    {
        Request = request;
        var perContract = PositionTerms.For(request.Strategy, 1, rules);
        IsSpread = request.Strategy.Type == StrategyType.VerticalPutCredit;
        AtRisk = IsSpread ? perContract.MaxLoss : perContract.Collateral;
        Input("equity", request.Equity);
        Input("committed", request.Committed);
        Input("at_risk_per_contract", AtRisk);
    }

    public SizingRequest Request { get; }

    public bool IsSpread { get; }

    public decimal AtRisk { get; }

    /// <summary>The fixed strategy's share of equity for one trade, in percent (VPC: max loss; CSP: collateral).</summary>
    public static decimal FixedSharePct(bool isSpread, SizingSettings sizing) =>
        isSpread ? sizing.RiskPerTradePct : sizing.CollateralPerTradePct;

    public decimal Input(string name, decimal value)
    {
        _inputs.Add(new SizingStep(name, value));
        return value;
    }

    public decimal Step(string name, decimal value)
    {
        _steps.Add(new SizingStep(name, value));
        return value;
    }

    /// <summary>A dollar limit the trade's commitment must stay within (recorded as a step too; never below 0).</summary>
    public decimal Limit(string name, decimal dollars)
    {
        var limit = Math.Max(0m, dollars);
        _limits.Add((name, limit));
        return Step(name, limit);
    }

    public PositionSizingResult Finish(string strategy)
    {
        var binding = _limits.MinBy(l => l.Dollars);
        var budget = Step("budget", binding.Dollars);
        var contracts = AtRisk <= 0m ? 0 : (int)decimal.Floor(budget / AtRisk);
        Step("contracts", contracts);
        return new PositionSizingResult
        {
            Strategy = strategy,
            Contracts = contracts,
            AtRiskPerContract = AtRisk,
            FractionOfEquity = decimal.Round(contracts * AtRisk / Request.Equity, 6, MidpointRounding.AwayFromZero),
            Inputs = new ValueList<SizingStep>(_inputs),
            Steps = new ValueList<SizingStep>(_steps),
            BindingLimit = binding.Name,
        };
    }
}
