using Microsoft.Extensions.DependencyInjection;
using OptionsAutomation.Core.Analytics.Periods;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Worker.Jobs;
using Quartz;

namespace OptionsAutomation.Worker;

/// <summary>
/// Quartz for the worker: the ADO job store in Postgres (tables from db/migrations), clustered so that
/// several <c>optauto run</c> processes on one database fire each tick once. A tick missed by more than
/// the misfire threshold is skipped, not replayed: a late exit check on old data is worse than none.
/// </summary>
internal static class JobScheduling
{
    public static IServiceCollection AddTradingJobs(this IServiceCollection services, JobSettings settings, string reconcileCron, string connectionString)
    {
        services.AddQuartz(quartz =>
        {
            UseStore(quartz, settings.Clustered, connectionString);
            Schedule<ExitRulesJob>(quartz, ExitRulesJob.Key, settings.ExitRulesCron);
            Schedule<MarkToMarketJob>(quartz, MarkToMarketJob.Key, settings.MarkToMarketCron);
            Schedule<RiskCheckJob>(quartz, RiskCheckJob.Key, settings.RiskCheckCron);
            Schedule<ExpirationJob>(quartz, ExpirationJob.Key, settings.ExpirationCron);
            Schedule<ProposeTradesJob>(quartz, ProposeTradesJob.Key, settings.ProposeTradesCron);
            Schedule<ExpireProposalsJob>(quartz, ExpireProposalsJob.Key, settings.ExpireProposalsCron);
            Schedule<ScorecardJob>(quartz, ScorecardJob.Key, settings.ScorecardCron);
            SchedulePeriodReports(quartz, settings);
            Schedule<MorningBriefJob>(quartz, MorningBriefJob.Key, settings.MorningBriefCron);
            Schedule<OrderRecoveryJob>(quartz, OrderRecoveryJob.Key, settings.OrderRecoveryCron);
            // Once at start-up too: a worker that died mid-order finishes it before its first minute ends.
            quartz.AddTrigger(trigger => trigger.ForJob(OrderRecoveryJob.Key).WithIdentity(OrderRecoveryJob.Key.Name + "-startup").StartNow());
            Schedule<ReconcileJob>(quartz, ReconcileJob.Key, reconcileCron);
            quartz.AddTrigger(trigger => trigger.ForJob(ReconcileJob.Key).WithIdentity(ReconcileJob.StartupTrigger).StartNow());
            quartz.AddJobListener<JobFailureAlerts>([Matchers.AllJobs()]);
            quartz.AddJobListener<JobRunMetrics>([Matchers.AllJobs()]);
        });
        if (settings.Enabled)
        {
            services.AddHostedService<SchedulerHost>();
            if (settings.Clustered)
            {
                // The cluster fires the exit tick on one worker; the others join its sweep.
                services.AddHostedService<ExitSweepJoiner>();
            }
        }

        return services;
    }

    /// <summary>The job store every optauto scheduler uses; shared with the clustering test.</summary>
    public static void UseStore(IQuartzBuilder quartz, bool clustered, string connectionString)
    {
        if (!clustered)
        {
            quartz.UseInMemoryStore();
            return;
        }

        // The store's misfire and cluster-check-in threads must not keep the process alive once the host has stopped
        // (see SchedulerHost: a scheduler abandoned with its database down never ends them).
        quartz.ConfigureOptions<AdoJobStoreOptions>(options => options.UseBackgroundThreads = true);
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(connectionString);
            store.UseSystemTextJsonSerializer();
            store.UseClustering();
        });
    }

    public static void Schedule<TJob>(IQuartzBuilder quartz, JobKey key, string cron) where TJob : IJob
    {
        quartz.AddJob<TJob>(job => job.WithIdentity(key).StoreDurably());
        quartz.AddTrigger(trigger => trigger
            .ForJob(key)
            .WithIdentity(key.Name + "-cron")
            .WithMisfireThreshold(Interval(cron))
            .WithCronSchedule(cron, schedule => schedule
                .InTimeZone(MarketTime.NewYork)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
    }

    /// <summary>One report job, a trigger per period naming it (<see cref="PeriodReportJob.PeriodKey"/>).</summary>
    private static void SchedulePeriodReports(IQuartzBuilder quartz, JobSettings settings)
    {
        quartz.AddJob<PeriodReportJob>(job => job.WithIdentity(PeriodReportJob.Key).StoreDurably());
        foreach (var (kind, cron) in new[] { (ReportPeriodKind.Week, settings.WeeklyReportCron), (ReportPeriodKind.Month, settings.MonthlyReportCron) })
        {
            quartz.AddTrigger(trigger => trigger
                .ForJob(PeriodReportJob.Key)
                .WithIdentity($"{PeriodReportJob.Key.Name}-{kind.ToString().ToLowerInvariant()}-cron")
                .UsingJobData(PeriodReportJob.PeriodKey, kind.ToString())
                .WithMisfireThreshold(Interval(cron))
                .WithCronSchedule(cron, schedule => schedule
                    .InTimeZone(MarketTime.NewYork)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
        }
    }

    /// <summary>The gap between two consecutive fires of <paramref name="cron"/>: how late a tick may run.</summary>
    public static TimeSpan Interval(string cron)
    {
        var expression = new CronExpression(cron, MarketTime.NewYork);
        // A Monday morning inside the market-hours window of the default schedules.
        var start = new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
        var first = expression.GetNextValidTimeAfter(start) ?? throw new ArgumentException($"cron '{cron}' never fires.", nameof(cron));
        var second = expression.GetNextValidTimeAfter(first) ?? throw new ArgumentException($"cron '{cron}' fires only once.", nameof(cron));
        return second - first;
    }
}
