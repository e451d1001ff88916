using System.Globalization;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Core.Analytics.Periods;

/// <summary>
/// The report in words, the same for the chat and <c>optauto report weekly|monthly</c>: one line per figure a trader
/// reads first. Fractions are percentages to two places; a ratio that cannot be computed yet (fewer than two returns,
/// nothing lost) prints as "n/a" rather than NaN or ∞.
/// </summary>
public static class PeriodReportText
{
    public static IReadOnlyList<string> Lines(PeriodReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var p = report.Period;
        var sessions = report.Exposure.Count;
        var lines = new List<string>
        {
            Text($"{Title(p)}: {p.First:yyyy-MM-dd} to {report.Through:yyyy-MM-dd}, {sessions} session(s){(p.Sessions.Any(x => x.Date > report.Through) ? " so far" : "")}"),
            Text($"Return {Percent(report.Return)} ({MoneyText.Signed(report.Pnl)}), max drawdown {Percent(report.MaxDrawdown)}, equity {MoneyText.Dollars(report.Performance.EquityCurve.OpeningEquity)} → {MoneyText.Dollars(report.Performance.EquityCurve.Closing)}"),
            report.Benchmark is { } b
                ? Text($"{b.Symbol} buy-and-hold {Percent(b.Return)} ({MoneyText.Signed(b.Days[^1].Equity - report.Performance.EquityCurve.OpeningEquity)}), {MoneyText.Price(b.EntryClose)} → {MoneyText.Price(b.ExitClose)}")
                : $"{PeriodReport.BenchmarkSymbol} buy-and-hold: no closes for the period",
        };
        var trades = report.Performance.Trades;
        lines.Add(trades.Trades == 0
            ? "No trades closed in the period"
            : Text($"Trades closed: {trades.Trades} ({trades.Wins} win(s), {trades.Losses} loss(es)), win rate {trades.WinRate:0.##}%"));
        lines.AddRange(report.Performance.Attribution.ByExitReason.Select(r => Text($"  {r.Key}: {r.Trades} trade(s), {MoneyText.Signed(r.Pnl)}")));
        if (report.Best is { } best && report.Worst is { } worst)
        {
            lines.Add($"Best: {Trade(best)}; worst: {Trade(worst)}");
        }

        lines.Add(Exposure(report.Exposure));
        var s = report.ToDate;
        lines.Add(Text($"To date: Sharpe {Ratio(s.SharpeRatio)}, Sortino {Ratio(s.SortinoRatio)}, ulcer index {Percent(s.Ulcer.Index)}, omega {Ratio(s.OmegaRatio)}, max drawdown {Percent(s.MaxDrawdown.Depth)}"));
        return lines;
    }

    /// <summary>"Weekly report — week of 2026-03-09", "Monthly report — March 2026".</summary>
    public static string Title(ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return $"{(period.Kind == ReportPeriodKind.Week ? "Weekly report" : "Monthly report")} — {period.Label}";
    }

    /// <summary>The report for the chat, once per period by <see cref="ReportPeriod.DedupKey"/>.</summary>
    public static Alert ToAlert(PeriodReport report) =>
        new(report.Period.DedupKey, report.Period.AlertKind, string.Join('\n', Lines(report)), null, null);

    private static string Exposure(IReadOnlyList<ExposureDay> days)
    {
        if (days.Count == 0 || days.All(d => d.Positions == 0))
        {
            return "Exposure: nothing open at any close";
        }

        var peak = days.MaxBy(d => d.Collateral)!;
        var average = decimal.Round(days.Average(d => d.Collateral), 2);
        return Text($"Exposure: collateral {MoneyText.Dollars(average)} on average, peak {MoneyText.Dollars(peak.Collateral)} ({peak.Positions} position(s), max loss {MoneyText.Dollars(peak.MaxLoss)}) on {peak.Date:yyyy-MM-dd}");
    }

    private static string Trade(TradeRecord t) =>
        Text($"#{t.PositionId} {t.Ticker} {t.StrategyType.ToCode()} {t.ExitReason.ToCode()} {MoneyText.Signed(t.PnlRealized)}");

    private static string Percent(double fraction) =>
        double.IsFinite(fraction) ? (fraction * 100).ToString("+0.00'%';-0.00'%';0.00'%'", CultureInfo.InvariantCulture) : "n/a";

    private static string Ratio(double ratio) => double.IsFinite(ratio) ? ratio.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
