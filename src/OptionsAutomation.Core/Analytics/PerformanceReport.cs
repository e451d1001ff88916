using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Analytics;

/// <summary>
/// The performance report of a New York date range: statistics of the trades closed in it, return statistics of its
/// <see cref="DailyEquityCurve"/> (252 periods a year, risk-free 0) and the attribution of their P&amp;L; and
/// <see cref="ByGreek"/>, the open positions' P&amp;L over the stored risk snapshots of the range by Greek.
/// </summary>
public sealed record PerformanceReport(
    DateOnly? From,
    DateOnly? To,
    DailyEquityCurve EquityCurve,
    TradeStatistics Trades,
    ReturnStatistics Returns,
    PnlAttribution Attribution)
{
    /// <summary>Empty until the caller adds it from the snapshots (<c>with { ByGreek = … }</c>): they live outside the trades.</summary>
    public GreekAttribution ByGreek { get; init; } = GreekAttribution.Empty;

    /// <param name="trades">every trade closed up to <paramref name="to"/> (all of them without it); those before
    /// <paramref name="from"/> only set the opening equity.</param>
    public static PerformanceReport Of(IReadOnlyList<TradeRecord> trades, decimal startingEquity, DateOnly? from, DateOnly? to, NyseCalendar calendar)
    {
        var curve = DailyEquityCurve.Of(startingEquity, trades, from, to, calendar);
        var inRange = trades.Where(t => MarketTime.DateOf(t.ClosedAt) is var day && (from is null || day >= from) && (to is null || day <= to)).ToArray();
        return new PerformanceReport(
            from,
            to,
            curve,
            TradeStatistics.Of(inRange, curve.AverageEquity()),
            ReturnStatistics.Of(curve.Returns()),
            PnlAttribution.Of(inRange));
    }
}
