using System.Globalization;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Proposals;

/// <summary>
/// Fixed-fraction sizing: the trade's budget divided by what one contract commits — the max loss of a VPC
/// (<c>RiskPerTradePct</c> of equity), the collateral of a CSP (<c>CollateralPerTradePct</c>) — and never more than
/// the room left under <c>MaxCommittedPct</c>, rounded down; at least one contract or no trade.
/// </summary>
public static class Sizer
{
    /// <param name="committed">What open positions and earlier proposals of the run already commit (CSP collateral, VPC max loss).</param>
    public static (int Contracts, ScreenDenial? Denial) Size(
        CreditStrategy strategy, decimal? equity, decimal committed, SizingSettings sizing, ExitRuleSettings rules)
    {
        if (equity is not > 0m)
        {
            return (0, new ScreenDenial(strategy.Underlying, strategy.Type, ScreenDenialCode.NoEquity, $"equity={equity?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}"));
        }

        var perContract = PositionTerms.For(strategy, 1, rules);
        var isSpread = strategy.Type == StrategyType.VerticalPutCredit;
        var atRisk = isSpread ? perContract.MaxLoss : perContract.Collateral;
        var tradeBudget = equity.Value * (isSpread ? sizing.RiskPerTradePct : sizing.CollateralPerTradePct) / 100m;
        var room = Math.Max(0m, (equity.Value * sizing.MaxCommittedPct / 100m) - committed);
        var budget = Math.Min(tradeBudget, room);
        var contracts = atRisk <= 0m ? 0 : (int)decimal.Floor(budget / atRisk);
        return contracts >= 1
            ? (contracts, null)
            : (0, new ScreenDenial(strategy.Underlying, strategy.Type, ScreenDenialCode.SizeBelowOneContract,
                string.Create(CultureInfo.InvariantCulture, $"budget={budget:0.00}, at_risk_per_contract={atRisk:0.00}, committed={committed:0.00}")));
    }
}
