using System.Text.Json.Serialization;
using OptionsAutomation.Cli;
using OptionsAutomation.Core.Publishing;
using OptionsAutomation.Web.Api;

namespace OptionsAutomation.Publishing;

/// <summary>
/// The figures of a publication as the static site's <c>performance.json</c> (and its page) carry them, snake_case:
/// the scorecard as <c>/api/scorecard</c> gives it, the trade statistics to date, the equity curve with drawdown as
/// <c>/api/equity</c> gives it, and the trades — with <c>quantity</c> only when sizes are shown.
/// </summary>
internal sealed record PublishedPerformanceJson(
    DateOnly AsOf, bool ShowsSizes, ScorecardJson Scorecard, PublishedPerformanceJson.Totals Statistics, EquityCurveJson Equity, IReadOnlyList<PublishedPerformanceJson.Trade> Trades)
{
    public static PublishedPerformanceJson Of(PerformancePublication p) => new(
        p.AsOf,
        p.ShowsSizes,
        ScorecardJson.Of(p.Scorecard),
        new Totals(p.Statistics.Trades, p.Statistics.Wins, p.Statistics.Losses, p.Statistics.WinRate, p.Statistics.TotalPnl,
            p.Statistics.LargestWin, p.Statistics.LargestLoss, p.Statistics.Expectancy),
        EquityCurveJson.Of(p.Equity),
        [.. p.Trades.Select(t => new Trade(t.Closed, t.Ticker, t.Strategy, t.ExitReason, t.Pnl, t.PnlPercent, t.Quantity))]);

    public sealed record Totals(int Trades, int Wins, int Losses, decimal? WinRate, decimal TotalPnl, decimal? LargestWin, decimal? LargestLoss, decimal? Expectancy);

    public sealed record Trade(
        DateOnly Closed, string Ticker, string Strategy, string ExitReason, decimal Pnl, decimal PnlPercent,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Quantity);
}
