using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Trading;
using Quartz;

namespace OptionsAutomation.Worker.Jobs;

/// <summary>Every minute while the NYSE is open: marks every open position (prices, P&amp;L, MAE/MFE, flags).</summary>
[DisallowConcurrentExecution]
internal sealed partial class MarkToMarketJob(MarkToMarketService marks, NyseCalendar calendar, TimeProvider clock, ILogger<MarkToMarketJob> logger) : IJob
{
    public static readonly JobKey Key = new("mark-to-market");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await RunTickAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>One tick: does nothing unless the NYSE is open now. Returns whether it ran.</summary>
    public async Task<bool> RunTickAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (calendar.SessionAt(now) is null)
        {
            return false;
        }

        var marked = await marks.MarkAllAsync(now, cancellationToken).ConfigureAwait(false);
        LogTick(marked.Count, marked.Count(m => m.Mark.Quality != MarkQuality.Fresh));
        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Marked {Count} open position(s), {Unpriced} without a usable mark")]
    private partial void LogTick(int count, int unpriced);
}
