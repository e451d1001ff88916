using System.Diagnostics;
using Npgsql;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Infrastructure.Telegram;
using OptionsAutomation.Worker;
using Quartz;

namespace OptionsAutomation.Web.Health;

/// <summary>
/// Runs the health checks. Each check catches its own failure and reports it, so one broken dependency never hides
/// the state of the others; only the database decides between 200 and 503.
/// </summary>
internal sealed class HealthProbe(
    NpgsqlDataSource dataSource,
    ISchedulerFactory schedulers,
    JobSettings jobs,
    TelegramSettings telegram,
    TelegramPollStatus polling,
    IMarketData marketData,
    ProposalSettings proposals,
    RiskSettings risk,
    IOrderRecords orders,
    ExecutionSettings execution,
    TimeProvider clock)
{
    /// <summary>Recovery runs every minute: two runs past the fill timeout and an order still working is stuck.</summary>
    private static readonly TimeSpan RecoveryGrace = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(5);

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var database = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        var scheduler = await SchedulerAsync(cancellationToken).ConfigureAwait(false);
        var freshness = await FreshnessAsync(now, cancellationToken).ConfigureAwait(false);
        var bot = Telegram();
        var working = await OrdersAsync(now, cancellationToken).ConfigureAwait(false);
        var status = database.Status != "ok" ? "unhealthy"
            : scheduler.Status != "running" || freshness.Status != "ok" || bot.Status == "failing" || working.Status != "ok" ? "degraded"
            : "healthy";
        return new HealthReport(status, now, new HealthChecks(database, scheduler, bot, freshness, working));
    }

    private async Task<OrdersHealth> OrdersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var working = await orders.ListWorkingAsync(cancellationToken).ConfigureAwait(false);
            var stuck = working.Where(o => now - o.CreatedAt > execution.FillTimeout + RecoveryGrace).Select(o => o.ClientOrderId).ToList();
            return new OrdersHealth(stuck.Count > 0 ? "stuck" : "ok", working.Count, stuck);
        }
        catch (NpgsqlException e)
        {
            return new OrdersHealth("unavailable", 0, [], e.Message);
        }
    }

    private TelegramHealth Telegram()
    {
        var poll = polling.Read();
        var status = !telegram.Enabled ? "disabled" : poll.Failing ? "failing" : poll.LastPollAt is null ? "starting" : "ok";
        return new TelegramHealth(status, poll.Bot, telegram.ChatId, telegram.AllowedUserIds.Count, telegram.LongPollSeconds, poll.LastPollAt, poll.LastError, poll.LastErrorAt);
    }

    private async Task<DatabaseHealth> DatabaseAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DatabaseTimeout);
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token).ConfigureAwait(false);
            return new DatabaseHealth("ok", watch.Elapsed.TotalMilliseconds, null);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The message names the failure (refused, timeout, missing database), never the password.
            return new DatabaseHealth("down", watch.Elapsed.TotalMilliseconds, e is OperationCanceledException ? $"no answer within {DatabaseTimeout.TotalSeconds} s" : e.Message);
        }
    }

    private async Task<SchedulerHealth> SchedulerAsync(CancellationToken cancellationToken)
    {
        IScheduler? scheduler = null;
        try
        {
            scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
            var status = await scheduler.GetStatus(cancellationToken).ConfigureAwait(false) switch
            {
                SchedulerStatus.Running => "running",
                SchedulerStatus.Created or SchedulerStatus.Standby => "standby",
                SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown => "stopped",
                _ => "unknown",
            };
            var triggers = await scheduler.QueryTriggers(new TriggerQuery { Take = PagedQuery.All }, cancellationToken).ConfigureAwait(false);
            var runs = triggers.Items
                .Select(t => new JobRun(t.JobKey.Name, t.PreviousFireTimeUtc, t.NextFireTimeUtc))
                .OrderBy(r => r.Job, StringComparer.Ordinal)
                .ToList();
            return new SchedulerHealth(status, scheduler.SchedulerName, jobs.Clustered, runs, null);
        }
        catch (SchedulerException e)
        {
            // The clustered job store lives in Postgres: without the database the jobs cannot be read either.
            return new SchedulerHealth("unknown", scheduler?.SchedulerName, jobs.Clustered, [], e.Message);
        }
    }

    private async Task<DataFreshness> FreshnessAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var maxAge = TimeSpan.FromMinutes(risk.MaxQuoteAgeMinutes);
        var tickers = new List<TickerFreshness>();
        try
        {
            foreach (var ticker in proposals.Targets().Select(t => t.Ticker).Distinct(StringComparer.Ordinal))
            {
                var quote = await marketData.GetUnderlyingQuoteAsync(ticker, now, cancellationToken).ConfigureAwait(false);
                var age = quote is null ? (TimeSpan?)null : now - quote.Timestamp;
                tickers.Add(new TickerFreshness(ticker, quote?.Timestamp, quote?.Last, age?.TotalSeconds, age is not { } a || a > maxAge));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failing feed is this check's finding, not a reason to lose the others (the database decides 200/503).
            return new DataFreshness("unavailable", risk.MaxQuoteAgeMinutes, tickers, $"{e.GetType().Name}: {e.Message}");
        }

        return new DataFreshness(tickers.Any(t => t.Stale) ? "stale" : "ok", risk.MaxQuoteAgeMinutes, tickers);
    }
}
