using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Publishing;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Publishing;
using Quartz;

namespace OptionsAutomation.Worker.Jobs;

/// <summary>
/// 16:05 New York on sessions: the day's scorecard card to the chat (once per day by its dedup key), and to every
/// configured publisher (the webhook, when <c>Publishing:WebhookUrl</c> is set; none otherwise).
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class ScorecardJob(
    ScorecardService scorecards,
    IEnumerable<IPerformancePublisher> publishers,
    PerformancePublicationReader publications,
    IScorecardCard card,
    TimeProvider clock,
    ILogger<ScorecardJob> logger) : IJob
{
    public static readonly JobKey Key = new("scorecard");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var sent = await scorecards.SendAsync(MarketTime.Today(clock), cancellationToken).ConfigureAwait(false);
        if (sent is null)
        {
            return;
        }

        LogSent(sent.Date, sent.ClosedToday.Count, sent.RealizedPnl);
        var targets = publishers.ToList();
        if (targets.Count > 0)
        {
            var publication = await publications.FromAsync(sent, cancellationToken).ConfigureAwait(false);
            var png = card.Png(sent);
            foreach (var publisher in targets)
            {
                await publisher.PublishAsync(publication, png, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scorecard for {Date}: {Trades} trade(s) closed, realized {Pnl}")]
    private partial void LogSent(DateOnly date, int trades, decimal pnl);
}
