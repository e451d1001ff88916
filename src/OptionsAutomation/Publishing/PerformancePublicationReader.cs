using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Publishing;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.Publishing;

namespace OptionsAutomation.Publishing;

/// <summary>The publication of a session (default the last closed one) from stored rows: its scorecard, every trade to date and the equity curve.</summary>
internal sealed class PerformancePublicationReader(
    ScorecardService scorecards, PositionManager positions, PaperBrokerSettings account, PublishingSettings settings, NyseCalendar calendar)
{
    /// <summary>Null when <paramref name="date"/> has no scorecard (not a session, or before its close).</summary>
    public async Task<PerformancePublication?> ReadAsync(DateOnly? date, CancellationToken cancellationToken)
    {
        return await scorecards.ReadAsync(date ?? scorecards.LatestDate(), cancellationToken).ConfigureAwait(false) is { } scorecard
            ? await FromAsync(scorecard, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>The publication around a scorecard already read (the 16:05 job's, just sent): the trades to its day and the equity curve.</summary>
    public async Task<PerformancePublication> FromAsync(DailyScorecard scorecard, CancellationToken cancellationToken)
    {
        var trades = await positions.HistoryAsync(null, scorecard.Date, cancellationToken).ConfigureAwait(false);
        return PerformancePublication.Of(scorecard, trades, DailyEquityCurve.Of(account.StartingEquity, trades, null, scorecard.Date, calendar), settings.ShowSizes);
    }
}
