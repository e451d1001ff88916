using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Trading;
using Quartz;

namespace OptionsAutomation.Worker.Jobs;

/// <summary>Every minute: proposals whose approval window has passed become EXPIRED (audited and alerted).</summary>
[DisallowConcurrentExecution]
internal sealed partial class ExpireProposalsJob(ProposalExpiry expiry, TimeProvider clock, ILogger<ExpireProposalsJob> logger) : IJob
{
    public static readonly JobKey Key = new("expire-proposals");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var expired = await expiry.ExpireDueAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (expired.Count > 0)
        {
            LogExpired(expired.Count, string.Join(", ", expired.Select(p => p.RequestId)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} proposal(s) past their approval window: {RequestIds}")]
    private partial void LogExpired(int count, string requestIds);
}
