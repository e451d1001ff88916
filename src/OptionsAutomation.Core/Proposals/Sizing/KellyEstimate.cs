using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Risk;

namespace OptionsAutomation.Core.Proposals.Sizing;

/// <summary>
/// The realised record of one strategy type (all tickers: one ticker alone rarely has enough trades): the win rate and
/// the average win and loss as returns on what each trade committed (<see cref="RiskExposure"/>: a CSP's collateral, a
/// VPC's max loss), after fees. Never the market's probability of profit: that is priced in, not an edge.
/// </summary>
public sealed record KellyEstimate(int Trades, int Wins, decimal WinRate, decimal AverageWin, decimal AverageLoss)
{
    /// <summary>From <c>trade_history</c> rows; those of other strategy types and those that committed nothing are ignored.</summary>
    public static KellyEstimate From(IEnumerable<TradeRecord> history, StrategyType strategy) =>
        FromResults(history
            .Where(t => t.StrategyType == strategy)
            .Select(t => (t.PnlRealized, RiskExposure.Of(t.StrategyType, t.CollateralRequired, t.MaxRisk))));

    /// <summary>From each trade's P&amp;L after fees and what it committed; trades that committed nothing are ignored.</summary>
    public static KellyEstimate FromResults(IEnumerable<(decimal Pnl, decimal AtRisk)> trades)
    {
        var returns = trades
            .Where(t => t.AtRisk > 0m)
            .Select(t => t.Pnl / t.AtRisk)
            .ToList();
        // A break-even trade is a loss, as TradeOutcome counts it.
        var wins = returns.Where(r => r > 0m).ToList();
        var losses = returns.Where(r => r <= 0m).Select(r => -r).ToList();
        return new KellyEstimate(
            returns.Count,
            wins.Count,
            returns.Count == 0 ? 0m : (decimal)wins.Count / returns.Count,
            wins.Count == 0 ? 0m : wins.Average(),
            losses.Count == 0 ? 0m : losses.Average());
    }
}
