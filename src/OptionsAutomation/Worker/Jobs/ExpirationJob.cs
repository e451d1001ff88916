using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Trading;
using Quartz;

namespace OptionsAutomation.Worker.Jobs;

/// <summary>
/// After the close: settles the options that expired today (expired, assigned, settled). It fires after
/// both the early and the regular close; before the session's close it does nothing, and a second run
/// finds nothing left OPEN, so firing twice is harmless.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class ExpirationJob(ExpirationService expirations, TimeProvider clock, ILogger<ExpirationJob> logger) : IJob
{
    public static readonly JobKey Key = new("expiration");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var results = await expirations.SettleAsync(MarketTime.Today(clock), cancellationToken).ConfigureAwait(false);
        if (results.Count > 0)
        {
            LogSettled(results.Count(r => r.Closed is not null), results.Count(r => r.Error is not null));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expiration: {Settled} position(s) settled, {Failed} left OPEN for want of a closing price")]
    private partial void LogSettled(int settled, int failed);
}
