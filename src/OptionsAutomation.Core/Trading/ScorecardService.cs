using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Calendar;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// Builds the <see cref="DailyScorecard"/> of a session from stored data and queues today's for people, once per
/// session day, as its card with the text as caption (kind <c>scorecard</c>).
/// </summary>
/// <param name="startingEquity">the account's equity before its first trade (the equity curve's base).</param>
public sealed class ScorecardService(
    PositionManager positions, IAlertQueue alerts, IScorecardCard card, NyseCalendar calendar, TimeProvider clock, decimal startingEquity)
{
    /// <summary>The last session whose close has passed: today after the close, else the session before (the CLI's and API's default).</summary>
    public DateOnly LatestDate()
    {
        var now = clock.GetUtcNow();
        var session = calendar.SessionOnOrBefore(MarketTime.DateOf(now));
        return now >= session.Close ? session.Date : calendar.PreviousSession(session.Date).Date;
    }

    /// <summary>
    /// The scorecard of <paramref name="date"/>; null when it was not a session or its close has not come yet. Today's
    /// shows the open positions at their last marks; a past day's shows those open at its close, unmarked
    /// (<see cref="DailyScorecard.OpenAt"/>), with the trades and win rate as they stood that day.
    /// </summary>
    public async Task<DailyScorecard?> ReadAsync(DateOnly date, CancellationToken cancellationToken)
    {
        if (calendar.SessionOn(date) is not { } session || clock.GetUtcNow() < session.Close)
        {
            return null;
        }

        var trades = await positions.HistoryAsync(null, date, cancellationToken).ConfigureAwait(false);
        var open = date == MarketTime.Today(clock)
            ? await positions.OpenPositionsAsync(null, cancellationToken).ConfigureAwait(false)
            : DailyScorecard.OpenAt(await positions.ListAsync(PositionStatusFilter.All, null, cancellationToken).ConfigureAwait(false), session.Close);
        var from = Enumerable.Range(1, DailyScorecard.SparklineSessions - 1).Aggregate(date, (day, _) => calendar.PreviousSession(day).Date);
        return DailyScorecard.Of(date, trades, open, DailyEquityCurve.Of(startingEquity, trades, from, date, calendar));
    }

    /// <summary>Queues the scorecard of <paramref name="date"/> with its card; null (nothing sent) as <see cref="ReadAsync"/>.</summary>
    public async Task<DailyScorecard?> SendAsync(DateOnly date, CancellationToken cancellationToken)
    {
        if (await ReadAsync(date, cancellationToken).ConfigureAwait(false) is not { } scorecard)
        {
            return null;
        }

        await alerts.EnqueueAsync(scorecard.ToAlert() with { Photo = card.Png(scorecard) }, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return scorecard;
    }
}
