using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Positions;

/// <summary>
/// The dollar figures fixed when a credit position opens. <see cref="StopLoss"/> is the loss (a positive
/// amount) at which the position is stopped out; <see cref="Warnings"/> reports rules that were adjusted.
/// </summary>
public sealed record PositionTerms(
    decimal MaxProfit,
    decimal ProfitTarget,
    decimal StopLoss,
    decimal MaxLoss,
    decimal Collateral,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Derives the terms of a CSP or VPC from the strategy rules.</summary>
    public static PositionTerms For(CreditStrategy strategy, int contracts, ExitRuleSettings rules)
    {
        var multiplier = rules.ContractMultiplier;
        var maxProfit = CreditPnl.Dollars(strategy.Credit, multiplier, contracts);
        var profitTarget = rules.ProfitTargetFraction * maxProfit;

        if (strategy.Type == StrategyType.CashSecuredPut)
        {
            // Assignment at the strike with the stock going to zero, cushioned by the credit.
            var collateral = CreditPnl.Dollars(strategy.ShortStrike, multiplier, contracts);
            var maxLoss = CreditPnl.Dollars(strategy.ShortStrike - strategy.Credit, multiplier, contracts);
            return new(maxProfit, profitTarget, rules.CspStopLossMultiple * maxProfit, maxLoss, collateral, []);
        }

        var width = strategy.Width;
        var spreadCollateral = CreditPnl.Dollars(width, multiplier, contracts);
        var spreadMaxLoss = CreditPnl.Dollars(width - strategy.Credit, multiplier, contracts);
        var stop = rules.VpcStopLossMultiple * maxProfit;
        var warnings = new List<string>();
        if (stop > spreadMaxLoss)
        {
            // A spread cannot lose more than width − credit, so a larger stop would never fire.
            warnings.Add(
                $"stop_loss {stop:0.00} ({rules.VpcStopLossMultiple} × credit) exceeds the spread's max loss " +
                $"{spreadMaxLoss:0.00} and could never fire; capped at the max loss.");
            stop = spreadMaxLoss;
        }

        return new(maxProfit, profitTarget, stop, spreadMaxLoss, spreadCollateral, warnings);
    }
}
