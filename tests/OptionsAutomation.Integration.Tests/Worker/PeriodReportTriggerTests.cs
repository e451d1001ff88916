using OptionsAutomation.Core.Analytics.Periods;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Integration.Tests.Api;
using OptionsAutomation.Integration.Tests.Support;
using OptionsAutomation.Worker.Jobs;
using Quartz;

namespace OptionsAutomation.Integration.Tests.Worker;

/// <summary>
/// The worker's scheduler as <c>optauto run</c> builds it: the report job has a trigger per period, each naming its
/// period in the data the job reads and firing on its own setting's cron in New York time.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PeriodReportTriggerTests(PostgresServer server) : ApiTestBase(server)
{
    [Fact]
    public async Task ReportJob_HasAWeeklyAndAMonthlyTrigger_NamingTheirPeriod()
    {
        var scheduler = await Api.Get<ISchedulerFactory>().GetScheduler();

        var triggers = (await scheduler.GetTriggersOfJob(PeriodReportJob.Key)).Cast<ICronTrigger>().OrderBy(t => t.Key.Name, StringComparer.Ordinal).ToArray();

        Assert.Equal(["period-report-month-cron", "period-report-week-cron"], triggers.Select(t => t.Key.Name));
        Assert.Equal([ReportPeriodKind.Month, ReportPeriodKind.Week], triggers.Select(t => Enum.Parse<ReportPeriodKind>(t.JobDataMap.GetString(PeriodReportJob.PeriodKey)!)));
        Assert.All(triggers, t => Assert.Equal(("0 15 16 ? * MON-FRI", MarketTime.NewYork.Id), (t.CronExpressionString, t.TimeZone.Id)));
    }
}
