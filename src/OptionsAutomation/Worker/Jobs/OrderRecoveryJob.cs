using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Adjustments;
using Quartz;

namespace OptionsAutomation.Worker.Jobs;

/// <summary>
/// At start-up and every minute, whatever the hour: finishes orders and proposals a crash or an unanswered broker call
/// left half done (<see cref="OrderRecoveryService"/>), then settles the roll recommendations whose order that finished
/// (<see cref="AdjustmentApprovals.SettleRecoveredRollsAsync"/>). Not gated by the session: a fill the broker booked
/// before the close must be booked here too.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class OrderRecoveryJob(OrderRecoveryService recovery, AdjustmentApprovals adjustments, ILogger<OrderRecoveryJob> logger) : IJob
{
    public static readonly JobKey Key = new("order-recovery");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        foreach (var line in await recovery.RecoverAsync(cancellationToken).ConfigureAwait(false))
        {
            LogRecovered(line);
        }

        foreach (var line in await adjustments.SettleRecoveredRollsAsync(cancellationToken).ConfigureAwait(false))
        {
            LogRecovered(line);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovered: {What}")]
    private partial void LogRecovered(string what);
}
