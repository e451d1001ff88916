using OptionsAutomation.Core.Analytics;

namespace OptionsAutomation.Cli;

/// <summary>
/// <see cref="StrategyComparison"/> as <c>optauto compare --json</c> and <c>GET /api/compare</c> give it: money to the
/// cent, the win rate to 0.01 percentage points and the return on risk to 4 places, rounded here at the edge.
/// </summary>
internal sealed record ComparisonJson(
    DateOnly? From,
    DateOnly? To,
    ComparisonJson.Row Total,
    IReadOnlyList<ComparisonJson.Row> ByStrategy,
    IReadOnlyList<ComparisonJson.Row> ByTicker,
    IReadOnlyList<ComparisonJson.Row> ByExitReason,
    IReadOnlyList<ComparisonJson.Row> ByDteAtEntry,
    IReadOnlyList<ComparisonJson.Row> BySizing,
    IReadOnlyList<ComparisonJson.Row> BySentiment)
{
    public static ComparisonJson Of(StrategyComparison c, DateOnly? from, DateOnly? to) => new(
        from, to, Row.Of(c.Total), Rows(c.ByStrategy), Rows(c.ByTicker), Rows(c.ByExitReason), Rows(c.ByDteAtEntry), Rows(c.BySizing), Rows(c.BySentiment));

    private static Row[] Rows(IReadOnlyList<ComparisonRow> rows) => [.. rows.Select(Row.Of)];

    internal sealed record Row(
        string Key, int Trades, decimal WinRate, decimal TotalPnl, decimal AveragePnl, decimal PnlPerDayHeld, decimal? ReturnOnRisk, decimal MaxDrawdown)
    {
        public static Row Of(ComparisonRow r) => new(
            r.Key,
            r.Trades,
            Round(r.WinRate, 2),
            Round(r.TotalPnl, 2),
            Round(r.AveragePnl, 2),
            Round(r.PnlPerDayHeld, 2),
            r.ReturnOnRisk is { } ror ? Round(ror, 4) : null,
            Round(r.MaxDrawdown, 2));

        /// <summary>Half a cent away from zero, as the rest of the book rounds money.</summary>
        private static decimal Round(decimal value, int places) => Math.Round(value, places, MidpointRounding.AwayFromZero);
    }
}
