using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Trading;
using Quartz;

namespace OptionsAutomation.Worker.Jobs;

/// <summary>Every minute while the NYSE is open: the portfolio risk snapshot, limit crossings alerted once, the breach action.</summary>
[DisallowConcurrentExecution]
internal sealed partial class RiskCheckJob(RiskMonitor monitor, NyseCalendar calendar, TimeProvider clock, ILogger<RiskCheckJob> logger) : IJob
{
    public static readonly JobKey Key = new("risk-check");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await RunTickAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>One tick: does nothing unless the NYSE is open now. Returns the outcome, null when it did not run.</summary>
    public async Task<RiskCheckOutcome?> RunTickAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (calendar.SessionAt(now) is null)
        {
            return null;
        }

        var outcome = await monitor.CheckAsync(now, cancellationToken).ConfigureAwait(false);
        foreach (var crossing in outcome.Crossings)
        {
            LogCrossing(crossing.Name, crossing.From, crossing.To);
        }

        if (outcome.StateSetTo is { } state)
        {
            LogStateSet(state);
        }

        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk limit {Limit} crossed {From} → {To}")]
    private partial void LogCrossing(string limit, Core.Risk.Portfolio.LimitState from, Core.Risk.Portfolio.LimitState to);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk limit breach: trading state set to {State}")]
    private partial void LogStateSet(Core.Risk.TradingState state);
}
