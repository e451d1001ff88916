using System.Globalization;
using OptionsAutomation.Core.Calendar;

namespace OptionsAutomation.Core.Analytics.Periods;

/// <summary>Which calendar span a <see cref="PeriodReport"/> covers.</summary>
public enum ReportPeriodKind
{
    Week,
    Month,
}

/// <summary>
/// The week (Monday to Sunday, so its sessions are Monday to Friday) or calendar month containing a New York date, and
/// its NYSE sessions. <see cref="LastSession"/> is when its report is due: a Friday holiday moves it to Thursday, a month
/// ending on a weekend or holiday to its last trading day. A span without sessions (none since 2000) has none.
/// </summary>
public sealed record ReportPeriod(ReportPeriodKind Kind, DateOnly First, DateOnly Last, IReadOnlyList<TradingSession> Sessions)
{
    public static ReportPeriod Of(ReportPeriodKind kind, DateOnly date, NyseCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var (first, last) = kind == ReportPeriodKind.Week
            ? (date.AddDays(-(((int)date.DayOfWeek + 6) % 7)), date.AddDays(6 - (((int)date.DayOfWeek + 6) % 7)))
            : (new DateOnly(date.Year, date.Month, 1), new DateOnly(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month)));
        return new ReportPeriod(kind, first, last, calendar.Sessions(first, last));
    }

    public TradingSession? LastSession => Sessions.Count == 0 ? null : Sessions[^1];

    /// <summary>The outbox kind and notification setting of the period's report: <c>weekly_report</c> or <c>monthly_report</c>.</summary>
    public string AlertKind => Kind == ReportPeriodKind.Week ? "weekly_report" : "monthly_report";

    /// <summary>"week of 2026-03-09" or "March 2026".</summary>
    public string Label => Kind == ReportPeriodKind.Week
        ? $"week of {First:yyyy-MM-dd}"
        : First.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>One report per period: the kind and the period's first day.</summary>
    public string DedupKey => $"{AlertKind}:{First:yyyy-MM-dd}";
}
