using OptionsAutomation.Core.Calendar;

namespace OptionsAutomation.Core.Trading;

/// <summary>Builds the day's <see cref="DailyScorecard"/> and queues it for people, once per session day.</summary>
public sealed class ScorecardService(PositionManager positions, IAlertQueue alerts, NyseCalendar calendar, TimeProvider clock)
{
    /// <summary>Null (nothing sent) when <paramref name="date"/> was not a session or its close has not come yet.</summary>
    public async Task<DailyScorecard?> SendAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (calendar.SessionOn(date) is not { } session || now < session.Close)
        {
            return null;
        }

        var scorecard = new DailyScorecard(
            date,
            await positions.HistoryAsync(date, date, cancellationToken).ConfigureAwait(false),
            await positions.OpenPositionsAsync(null, cancellationToken).ConfigureAwait(false),
            await positions.PerformanceAsync(cancellationToken).ConfigureAwait(false));
        await alerts.EnqueueAsync(scorecard.ToAlert(), now, cancellationToken).ConfigureAwait(false);
        return scorecard;
    }
}
