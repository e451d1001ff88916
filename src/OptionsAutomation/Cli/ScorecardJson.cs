using OptionsAutomation.Core;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Cli;

/// <summary>
/// The scorecard as <c>optauto scorecard --json</c> and <c>GET /api/scorecard</c> give it (snake_case): the figures the
/// card shows, and the chat text. Trades carry no quantities: a scorecard tells results, not position sizes.
/// </summary>
internal sealed record ScorecardJson(
    DateOnly Date,
    decimal RealizedPnl,
    IReadOnlyList<ScorecardJson.Trade> ClosedTrades,
    int OpenPositions,
    decimal OpenMaxLoss,
    decimal OpenCollateral,
    decimal UnrealizedPnl,
    int Unmarked,
    int TradesToDate,
    decimal? WinRateToDate,
    decimal TotalPnlToDate,
    IReadOnlyList<ScorecardJson.EquityDay> Equity,
    string Text)
{
    public static ScorecardJson Of(DailyScorecard s) => new(
        s.Date,
        s.RealizedPnl,
        [.. s.ClosedToday.Select(t => new Trade(t.PositionId, t.Ticker, t.StrategyType.ToCode(), t.ExitReason.ToCode(), t.PnlRealized))],
        s.Open.Count,
        s.OpenMaxLoss,
        s.OpenCollateral,
        s.UnrealizedPnl,
        s.Unmarked,
        s.ToDate.Trades,
        s.ToDate.WinRate,
        s.ToDate.TotalPnl,
        [.. s.Equity.Select(d => new EquityDay(d.Date, d.Equity))],
        s.ToAlert().Text);

    public sealed record Trade(long PositionId, string Ticker, string Strategy, string ExitReason, decimal Pnl);

    public sealed record EquityDay(DateOnly Date, decimal Equity);
}
