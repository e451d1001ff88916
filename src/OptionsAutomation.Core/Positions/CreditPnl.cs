namespace OptionsAutomation.Core.Positions;

/// <summary>
/// P&amp;L of a credit strategy (design.md, "Money and signs"): prices are per share, the entry is the
/// net credit received and the exit the net debit paid to close, so
/// P&amp;L = (entry − exit) × multiplier × contracts − fees.
/// </summary>
public static class CreditPnl
{
    /// <summary>Dollar value of a per-share price for <paramref name="contracts"/> contracts.</summary>
    public static decimal Dollars(decimal pricePerShare, int multiplier, int contracts) =>
        pricePerShare * multiplier * contracts;

    public static decimal Pnl(decimal entryCredit, decimal exitDebit, int multiplier, int contracts, decimal fees) =>
        Dollars(entryCredit - exitDebit, multiplier, contracts) - fees;

    /// <summary>P&amp;L as a percentage of max profit, rounded to 0.01 (a reported figure, not an amount).</summary>
    public static decimal PercentOfMaxProfit(decimal pnl, decimal maxProfit) =>
        maxProfit == 0m ? 0m : Math.Round(pnl / maxProfit * 100m, 2, MidpointRounding.AwayFromZero);

    public static TradeOutcome Outcome(decimal realizedPnlAfterFees) =>
        realizedPnlAfterFees > 0m ? TradeOutcome.Win : TradeOutcome.Loss;
}
