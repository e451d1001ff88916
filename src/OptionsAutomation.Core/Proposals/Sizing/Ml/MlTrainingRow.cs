using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Risk;

namespace OptionsAutomation.Core.Proposals.Sizing.Ml;

/// <summary>
/// One closed trade the model learns from: the features stored with its proposal's sizing and its label, the realised
/// return on risk — net P&amp;L after fees ÷ what it committed (a CSP's collateral, a VPC's max loss), as <c>kelly</c>
/// normalises its record. Entry and exit days decide which walk-forward fold may see it.
/// </summary>
public sealed record MlTrainingRow(string RequestId, DateOnly EntryDate, DateOnly ExitDate, ValueList<double> Features, double ReturnOnRisk)
{
    /// <summary>A live <c>trade_history</c> row; null when its proposal's sizing did not store the features (it was not sized by <c>ml</c>).</summary>
    public static MlTrainingRow? FromHistory(TradeRecord trade, PositionSizingResult? sizing)
    {
        ArgumentNullException.ThrowIfNull(trade);
        return Of(trade.RequestId, MarketTime.DateOf(trade.EntryDate), MarketTime.DateOf(trade.ExitDate), trade.PnlRealized,
            RiskExposure.Of(trade.StrategyType, trade.CollateralRequired, trade.MaxRisk), sizing);
    }

    /// <summary>A backtest's round trip; what it committed is recomputed from its terms at the fill credit, as the book computed its position.</summary>
    public static MlTrainingRow? FromBacktest(BacktestTrade trade, PositionSizingResult? sizing, ExitRuleSettings rules)
    {
        ArgumentNullException.ThrowIfNull(trade);
        if (trade.Expiration is not { } expiration || trade.ShortStrike is not { } shortStrike)
        {
            return null; // assigned shares sold: not a trade the screener proposed
        }

        var terms = PositionTerms.For(CreditStrategy.Create(trade.Strategy, trade.Ticker, expiration, shortStrike, trade.LongStrike, trade.Credit), trade.Quantity, rules);
        return Of(trade.RequestId, trade.EntryDate, trade.ExitDate, trade.Pnl, RiskExposure.Of(trade.Strategy, terms.Collateral, terms.MaxLoss), sizing);
    }

    private static MlTrainingRow? Of(string requestId, DateOnly entry, DateOnly exit, decimal pnl, decimal atRisk, PositionSizingResult? sizing) =>
        atRisk > 0m && MlFeatures.Stored(sizing) is { } features
            ? new MlTrainingRow(requestId, entry, exit, new ValueList<double>(features), (double)(pnl / atRisk))
            : null;
}
