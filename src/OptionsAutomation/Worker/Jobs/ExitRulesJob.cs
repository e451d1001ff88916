using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Trading;
using Quartz;

namespace OptionsAutomation.Worker.Jobs;

/// <summary>
/// Every five minutes while the NYSE is open: one exit sweep (<see cref="ExitSweep"/>) — mark, decide and execute exits,
/// and review what is still open for an adjustment recommendation at the same marks. The clustered scheduler fires it on
/// one worker; the others join its sweep (<see cref="ExitSweepJoiner"/>). The cron fires on weekday hours; the calendar
/// decides (holidays, 09:30 open, early closes), so a tick outside a session does nothing.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class ExitRulesJob(ExitSweep sweep, NyseCalendar calendar, TimeProvider clock, ILogger<ExitRulesJob> logger) : IJob
{
    public static readonly JobKey Key = new("exit-rules");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await RunTickAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>One tick: does nothing unless the NYSE is open now. Returns whether it ran.</summary>
    public async Task<bool> RunTickAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (calendar.SessionAt(now) is null)
        {
            LogMarketClosed(now);
            return false;
        }

        var outcome = await sweep.RunAsync(now, cancellationToken).ConfigureAwait(false);
        var checks = outcome.Checks;
        LogTick(checks.Count, checks.Count(c => c.Closed is not null), checks.Count(c => c.OrderError is not null),
            checks.Count(c => c.Decision.Decision is ExitDecisionKind.Stale or ExitDecisionKind.Unusable));
        var review = outcome.Adjustments;
        LogAdjustments(review.Pending.Count);
        foreach (var failure in review.Failed)
        {
            LogAdjustmentFailed(failure);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Exit rules skipped at {Now}: the market is closed")]
    private partial void LogMarketClosed(DateTimeOffset now);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Exit rules: {Checked} open position(s) checked, {Closed} closed, {Failed} closing order(s) failed, {Unpriced} without a usable mark")]
    private partial void LogTick(int @checked, int closed, int failed, int unpriced);

    [LoggerMessage(Level = LogLevel.Information, Message = "Adjustments: {Pending} recommendation(s) pending")]
    private partial void LogAdjustments(int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Adjustments: not reviewed, {Failure}")]
    private partial void LogAdjustmentFailed(string failure);
}
