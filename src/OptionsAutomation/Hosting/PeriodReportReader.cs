using OptionsAutomation.Core.Analytics.Periods;
using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Backtest;
using OptionsAutomation.Infrastructure.Brokers;

namespace OptionsAutomation.Hosting;

/// <summary>
/// The weekly and monthly reports from the stored data, one reader for <c>optauto report weekly|monthly</c>,
/// <c>/api/report/weekly|monthly</c> and the report job: the trades closed up to the period's end, every position (for
/// the exposure at each close) and SPY's closes: the shipped ones, and for the sessions they do not reach (they end
/// with the file), the market data's answer at each session's close — the market the positions are marked in (daily bars
/// from TradeStation, the synthetic market's own SPY by default).
/// </summary>
internal sealed class PeriodReportReader(
    PositionManager positions, PaperBrokerSettings account, BenchmarkCloses benchmark, IMarketData market, NyseCalendar calendar, TimeProvider clock)
    : IPeriodReports
{
    public async Task<PeriodReport> ReadAsync(ReportPeriod period, DateOnly through, CancellationToken cancellationToken)
    {
        var trades = await positions.HistoryAsync(null, through, cancellationToken).ConfigureAwait(false);
        var held = await positions.ListAsync(PositionStatusFilter.All, null, cancellationToken).ConfigureAwait(false);
        var closes = await BenchmarkClosesAsync(calendar.PreviousSession(period.First).Date, through, cancellationToken).ConfigureAwait(false);
        return PeriodReport.Of(period, through, trades, account.StartingEquity, held, closes, calendar);
    }

    private async Task<IReadOnlyList<IndexClose>> BenchmarkClosesAsync(DateOnly from, DateOnly through, CancellationToken cancellationToken)
    {
        var closes = benchmark.Between(from, through).ToDictionary(c => c.Date);
        var now = clock.GetUtcNow();
        foreach (var session in calendar.Sessions(from, through).Where(s => !closes.ContainsKey(s.Date) && s.Close <= now))
        {
            if (await market.GetUnderlyingQuoteAsync(PeriodReport.BenchmarkSymbol, session.Close, cancellationToken).ConfigureAwait(false) is { Last: > 0m } quote)
            {
                closes[session.Date] = new IndexClose(session.Date, quote.Last);
            }
        }

        return [.. closes.Values.OrderBy(c => c.Date)];
    }

    /// <summary>
    /// The report of the week or month containing <paramref name="date"/> (today without one), to today while it is
    /// under way. A period that has not begun is refused with <paramref name="refuse"/>'s exception, in the caller's words.
    /// </summary>
    public Task<PeriodReport> ReadAsync(ReportPeriodKind kind, DateOnly? date, Func<string, Exception> refuse, CancellationToken cancellationToken)
    {
        var today = MarketTime.Today(clock);
        var period = ReportPeriod.Of(kind, date ?? today, calendar);
        return period.First > today
            ? throw refuse($"{period.Label} has not begun (today is {today:yyyy-MM-dd} in New York).")
            : ReadAsync(period, today < period.Last ? today : period.Last, cancellationToken);
    }
}
