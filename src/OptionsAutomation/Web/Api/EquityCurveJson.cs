using OptionsAutomation.Core.Analytics;

namespace OptionsAutomation.Web.Api;

/// <summary>One day of the equity curve with its drawdown from the running peak (a negative fraction, −0.05 = 5% below).</summary>
internal sealed record EquityCurvePoint(DateOnly Date, decimal Pnl, decimal Equity, decimal Peak, decimal Drawdown);

/// <summary>
/// <c>GET /api/equity</c>: <c>report</c>'s daily equity curve (starting equity + realized P&amp;L per New York day) with
/// the drawdown of each day, for the dashboard's charts. The running peak starts at the opening equity.
/// </summary>
internal sealed record EquityCurveJson(
    DateOnly? OpeningDate,
    decimal OpeningEquity,
    decimal ClosingEquity,
    decimal CurrentDrawdown,
    decimal MaxDrawdown,
    IReadOnlyList<EquityCurvePoint> Points)
{
    public static EquityCurveJson Of(DailyEquityCurve curve)
    {
        var peak = curve.OpeningEquity;
        var points = new List<EquityCurvePoint>(curve.Days.Count);
        foreach (var day in curve.Days)
        {
            peak = Math.Max(peak, day.Equity);
            // Six decimals, as the risk report's drawdown.
            var drawdown = peak > 0m ? Math.Round((day.Equity - peak) / peak, 6, MidpointRounding.AwayFromZero) : 0m;
            points.Add(new EquityCurvePoint(day.Date, day.Pnl, day.Equity, peak, drawdown));
        }

        return new EquityCurveJson(
            curve.OpeningDate, curve.OpeningEquity, curve.Closing,
            points.Count == 0 ? 0m : points[^1].Drawdown, points.Count == 0 ? 0m : points.Min(p => p.Drawdown), points);
    }
}
