using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Reconciliation;
using Quartz;

namespace OptionsAutomation.Worker.Jobs;

/// <summary>
/// At start-up (whatever the hour) and every <c>Broker:ReconcileMinutes</c> during NYSE sessions: compares the broker's
/// positions with ours (<see cref="BrokerReconciliationService"/>). A new difference alerts once and tightens the trading state.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class ReconcileJob(BrokerReconciliationService reconciliation, NyseCalendar calendar, TimeProvider clock, ILogger<ReconcileJob> logger) : IJob
{
    public static readonly JobKey Key = new("broker-reconcile");

    public const string StartupTrigger = "broker-reconcile-startup";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (context.Trigger.Key.Name != StartupTrigger && calendar.SessionAt(clock.GetUtcNow()) is null)
        {
            return;
        }

        var outcome = await reconciliation.RunAsync(cancellationToken).ConfigureAwait(false);
        if (!outcome.Report.Matches)
        {
            LogDifferences(outcome.Report.Differences.Count, outcome.Alerted, outcome.Report.Signature);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker reconciliation: {Count} difference(s) (alerted now: {Alerted}): {Signature}")]
    private partial void LogDifferences(int count, bool alerted, string signature);
}
