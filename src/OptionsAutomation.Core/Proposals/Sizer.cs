using System.Globalization;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Proposals;

/// <summary>
/// Fixed-fraction sizing: <c>RiskPerTradePct</c> of equity divided by what one contract puts at risk —
/// the max loss of a VPC, the collateral of a CSP — rounded down; at least one contract or no trade.
/// </summary>
public static class Sizer
{
    public static (int Contracts, ScreenDenial? Denial) Size(CreditStrategy strategy, decimal? equity, SizingSettings sizing, ExitRuleSettings rules)
    {
        if (equity is not > 0m)
        {
            return (0, new ScreenDenial(strategy.Underlying, strategy.Type, ScreenDenialCode.NoEquity, $"equity={equity?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}"));
        }

        var perContract = PositionTerms.For(strategy, 1, rules);
        var atRisk = strategy.Type == StrategyType.VerticalPutCredit ? perContract.MaxLoss : perContract.Collateral;
        var budget = equity.Value * sizing.RiskPerTradePct / 100m;
        var contracts = atRisk <= 0m ? 0 : (int)decimal.Floor(budget / atRisk);
        return contracts >= 1
            ? (contracts, null)
            : (0, new ScreenDenial(strategy.Underlying, strategy.Type, ScreenDenialCode.SizeBelowOneContract,
                string.Create(CultureInfo.InvariantCulture, $"budget={budget:0.00}, at_risk_per_contract={atRisk:0.00}")));
    }
}
