using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Trading;
using Quartz;

namespace OptionsAutomation.Worker.Jobs;

/// <summary>16:05 New York on sessions: the day's scorecard to the chat (once per day by its dedup key).</summary>
[DisallowConcurrentExecution]
internal sealed partial class ScorecardJob(ScorecardService scorecards, TimeProvider clock, ILogger<ScorecardJob> logger) : IJob
{
    public static readonly JobKey Key = new("scorecard");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var sent = await scorecards.SendAsync(MarketTime.Today(clock), cancellationToken).ConfigureAwait(false);
        if (sent is not null)
        {
            LogSent(sent.Date, sent.ClosedToday.Count, sent.RealizedPnl);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scorecard for {Date}: {Trades} trade(s) closed, realized {Pnl}")]
    private partial void LogSent(DateOnly date, int trades, decimal pnl);
}
