using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Analytics;

/// <summary>Equity at the end of one New York day and the realized P&amp;L booked on it.</summary>
public sealed record EquityPoint(DateOnly Date, decimal Pnl, decimal Equity);

/// <summary>
/// The account's daily equity curve from realized P&amp;L, the same equity sizing and the risk gate use (starting equity
/// plus realized P&amp;L; open positions at cost, so unrealized P&amp;L does not move it). <see cref="OpeningEquity"/> is
/// the equity at the close of the session before the first day (<see cref="OpeningDate"/>, null for an empty range): the
/// starting equity plus every trade closed earlier.
/// The days are every NYSE session in the range plus any other New York date a trade closed on, so a flat day is a
/// 0 return (as a broker statement shows it) rather than a gap that would overstate volatility per day.
/// </summary>
public sealed record DailyEquityCurve(DateOnly? OpeningDate, decimal OpeningEquity, IReadOnlyList<EquityPoint> Days)
{
    public decimal Closing => Days.Count == 0 ? OpeningEquity : Days[^1].Equity;

    /// <param name="startingEquity">the account's equity before its first trade (<c>Broker:Paper:StartingEquity</c>).</param>
    /// <param name="trades">every trade closed up to the end of the range; earlier ones set the opening equity.</param>
    /// <param name="from">first New York day, else the day of the first trade in range.</param>
    /// <param name="to">last New York day, else the day of the last trade in range (or <paramref name="from"/>).</param>
    public static DailyEquityCurve Of(decimal startingEquity, IReadOnlyList<TradeRecord> trades, DateOnly? from, DateOnly? to, NyseCalendar calendar)
    {
        var dated = trades.Select(t => (Date: MarketTime.DateOf(t.ClosedAt), t.PnlRealized)).ToArray();
        var inRange = dated.Where(t => (from is null || t.Date >= from) && (to is null || t.Date <= to)).ToArray();
        var first = from ?? (inRange.Length == 0 ? null : inRange.Min(t => t.Date));
        var opening = startingEquity + dated.Where(t => first is { } f && t.Date < f).Sum(t => t.PnlRealized);
        if (first is not { } start)
        {
            return new DailyEquityCurve(null, opening, []);
        }

        var end = to ?? (inRange.Length == 0 ? start : inRange.Max(t => t.Date));
        var pnlByDay = inRange.GroupBy(t => t.Date).ToDictionary(g => g.Key, g => g.Sum(t => t.PnlRealized));
        var days = start > end
            ? []
            : calendar.Sessions(start, end).Select(s => s.Date).Union(pnlByDay.Keys).Order().ToArray();

        var equity = opening;
        var points = new List<EquityPoint>(days.Length);
        foreach (var day in days)
        {
            var pnl = pnlByDay.GetValueOrDefault(day);
            equity += pnl;
            points.Add(new EquityPoint(day, pnl, equity));
        }

        return new DailyEquityCurve(calendar.PreviousSession(start).Date, opening, points);
    }

    /// <summary>The daily returns of the curve, the first measured from the opening equity.</summary>
    public ReturnSeries Returns() => OpeningDate is { } opening
        ? ReturnSeries.FromEquity([(opening, OpeningEquity), .. Days.Select(d => (d.Date, d.Equity))])
        : ReturnSeries.FromEquity([]);

    /// <summary>The mean of the daily equity figures (the opening one when there are no days).</summary>
    public decimal AverageEquity() => Days.Count == 0 ? OpeningEquity : decimal.Round(Days.Average(d => d.Equity), 2);
}
