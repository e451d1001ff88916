using System.Globalization;
using OptionsAutomation.Core.Exits;

namespace OptionsAutomation.Core.Proposals.Sizing;

/// <summary>
/// <c>kelly</c>: the growth-optimal share of equity to commit for a bet that gains <c>W</c> per dollar committed with
/// probability <c>p</c> and loses <c>L</c> otherwise, f = p/L − (1 − p)/W; shrunk toward zero for the sample's
/// uncertainty by k = f² / (f² + Var f), Var f = (1/L + 1/W)² · p(1 − p)/n (the uncertainty of the win rate; W and L
/// taken as known); times <c>KellyFraction</c>; never above the fixed share; then the room under <c>MaxCommittedPct</c>.
/// Fewer than <c>KellyMinTrades</c> trades, or a record without a win or a loss, cannot estimate f: <c>fixed</c> sizes
/// the trade and says why. See docs/sizing.md for the sources.
/// </summary>
public static class KellySizing
{
    /// <summary>
    /// Kelly on the live record or, while it is shorter than <c>KellyMinTrades</c> and a backtest record is configured,
    /// on that record's trades of the strategy closed before <paramref name="today"/>; the result says which
    /// (<see cref="PositionSizingResult.Record"/>). Never the two mixed: a backtest's trades are not live ones.
    /// </summary>
    public static PositionSizingResult Size(
        SizingRequest request, KellyEstimate live, KellyBacktestRecord? backtest, DateOnly today, SizingSettings sizing, ExitRuleSettings rules)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(sizing);
        if (backtest is null || live.Trades >= sizing.KellyMinTrades)
        {
            return Size(request, live, sizing, rules);
        }

        var replayed = backtest.Before(today, request.Strategy.Type);
        var shortLive = TooFew(live, sizing);
        if (replayed.Trades < sizing.KellyMinTrades)
        {
            return FixedSizing.Instead(SizingStrategies.Kelly, $"{shortLive}; the {backtest.Describe(replayed, today)}, fewer too", request, sizing, rules);
        }

        return Size(request, replayed, sizing, rules) with { Record = $"live history has {shortLive}: sized on the {backtest.Describe(replayed, today)}" };
    }

    public static PositionSizingResult Size(SizingRequest request, KellyEstimate record, SizingSettings sizing, ExitRuleSettings rules)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(sizing);
        if (Unusable(record, sizing) is { } reason)
        {
            return FixedSizing.Instead(SizingStrategies.Kelly, reason, request, sizing, rules);
        }

        var sheet = new SizingSheet(request, rules);
        var n = sheet.Input("trades", record.Trades);
        var p = sheet.Input("win_rate", Round(record.WinRate));
        var w = sheet.Input("average_win", Round(record.AverageWin));
        var l = sheet.Input("average_loss", Round(record.AverageLoss));
        var fraction = sheet.Input("kelly_fraction_setting", sizing.KellyFraction);
        var share = sheet.Input("trade_share_pct", SizingSheet.FixedSharePct(sheet.IsSpread, sizing));
        var f = sheet.Step("kelly_raw", Round((p / l) - ((1m - p) / w)));
        var variance = sheet.Step("kelly_variance", Round(Square((1m / l) + (1m / w)) * p * (1m - p) / n));
        var shrink = sheet.Step("shrinkage", f <= 0m ? 0m : Round(f * f / ((f * f) + variance)));
        var used = sheet.Step("kelly_used", Round(Math.Max(0m, f) * shrink * fraction));
        sheet.Limit("kelly_budget", request.Equity * used);
        sheet.Limit("fixed_cap", request.Equity * share / 100m);
        sheet.Limit("room", FixedSizing.Room(request, sizing));
        return sheet.Finish(SizingStrategies.Kelly);
    }

    private static string? Unusable(KellyEstimate record, SizingSettings sizing) =>
        record.Trades < sizing.KellyMinTrades
            ? TooFew(record, sizing)
            : record.Wins == 0 || record.AverageWin <= 0m
                ? "no winning trade in the record: the average win is unknown"
                : record.Wins == record.Trades || record.AverageLoss <= 0m
                    ? "no losing trade in the record: the average loss is unknown"
                    : null;

    private static string TooFew(KellyEstimate record, SizingSettings sizing) =>
        string.Create(CultureInfo.InvariantCulture, $"{record.Trades} closed trade(s) of this strategy, fewer than KellyMinTrades {sizing.KellyMinTrades}");

    private static decimal Square(decimal x) => x * x;

    private static decimal Round(decimal x) => decimal.Round(x, 6, MidpointRounding.AwayFromZero);
}
