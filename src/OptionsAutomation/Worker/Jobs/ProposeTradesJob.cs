using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Web.Metrics;
using Quartz;

namespace OptionsAutomation.Worker.Jobs;

/// <summary>Each trading morning (09:15 New York by default): screen the watchlist and propose trades for approval; each sizing goes to /metrics.</summary>
[DisallowConcurrentExecution]
internal sealed partial class ProposeTradesJob(ProposalService proposals, AppMetrics metrics, NyseCalendar calendar, TimeProvider clock, ILogger<ProposeTradesJob> logger) : IJob
{
    public static readonly JobKey Key = new("propose-trades");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (!calendar.IsSession(MarketTime.DateOf(now)))
        {
            return;
        }

        var run = await proposals.RunAsync(now, cancellationToken).ConfigureAwait(false);
        foreach (var sizing in run.Sizings)
        {
            metrics.Sized(sizing);
        }

        LogRun(run.Proposals.Count, run.Denials.Count, string.Join("; ", run.Denials.Select(d => $"{d.Ticker} {d}")));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Screener: {Proposed} proposal(s), {Passed} passed over ({Denials})")]
    private partial void LogRun(int proposed, int passed, string denials);
}
