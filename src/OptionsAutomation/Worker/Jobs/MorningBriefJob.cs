using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Brief;
using OptionsAutomation.Core.Calendar;
using Quartz;

namespace OptionsAutomation.Worker.Jobs;

/// <summary>09:00 New York on sessions: the morning brief to the chat (holidays skipped by the calendar, once per day by its dedup key).</summary>
[DisallowConcurrentExecution]
internal sealed partial class MorningBriefJob(MorningBriefService briefs, TimeProvider clock, ILogger<MorningBriefJob> logger) : IJob
{
    public static readonly JobKey Key = new("morning-brief");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var sent = await briefs.SendAsync(MarketTime.Today(clock), cancellationToken).ConfigureAwait(false);
        if (sent is not null)
        {
            LogSent(sent.Date, sent.Open.Count, sent.Problems.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Morning brief for {Date}: {Positions} open position(s), {Problems} problem(s)")]
    private partial void LogSent(DateOnly date, int positions, int problems);
}
