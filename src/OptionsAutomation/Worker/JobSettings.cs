using Quartz;

namespace OptionsAutomation.Worker;

/// <summary>
/// Appsettings section <c>Jobs</c>: Quartz cron expressions (seconds first), evaluated in America/New_York.
/// The crons only bound the hours; each job asks the NYSE calendar whether the market is open.
/// </summary>
public sealed record JobSettings
{
    public const string SectionName = "Jobs";

    public string ExitRulesCron { get; init; } = "0 0/5 9-15 ? * MON-FRI";

    public string MarkToMarketCron { get; init; } = "0 * 9-15 ? * MON-FRI";

    /// <summary>The portfolio risk check (snapshot, limit alerts, breach action), gated like the mark job.</summary>
    public string RiskCheckCron { get; init; } = "0 * 9-15 ? * MON-FRI";

    /// <summary>The morning screener (09:15 New York), on sessions only.</summary>
    public string ProposeTradesCron { get; init; } = "0 15 9 ? * MON-FRI";

    /// <summary>Expiry of proposals past their approval window.</summary>
    public string ExpireProposalsCron { get; init; } = "0 * * ? * *";

    /// <summary>Recovery of orders and proposals left half done (every minute, at any hour: fills arrive after the close too).</summary>
    public string OrderRecoveryCron { get; init; } = "30 * * ? * *";

    /// <summary>15 minutes after an early close and after the regular close.</summary>
    public string ExpirationCron { get; init; } = "0 15 13,16 ? * MON-FRI";

    /// <summary>The morning brief, before the open (09:00 New York), on sessions only.</summary>
    public string MorningBriefCron { get; init; } = "0 0 9 ? * MON-FRI";

    /// <summary>The daily scorecard, after the close (16:05 New York), on sessions only.</summary>
    public string ScorecardCron { get; init; } = "0 5 16 ? * MON-FRI";

    /// <summary>
    /// The weekly report, checked after the close every weekday (16:15 New York) and sent on the week's last session
    /// (Friday, or Thursday before a Friday holiday).
    /// </summary>
    public string WeeklyReportCron { get; init; } = "0 15 16 ? * MON-FRI";

    /// <summary>The monthly report, checked as the weekly one and sent on the month's last session.</summary>
    public string MonthlyReportCron { get; init; } = "0 15 16 ? * MON-FRI";

    /// <summary>
    /// Start the scheduler with the worker. Off, the jobs are still registered (and listed by <c>/health</c>, whose
    /// scheduler check then says <c>standby</c>) but never fire: for tests that drive the services themselves.
    /// </summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Run the scheduler clustered on the Postgres job store (off: in memory, one process only).</summary>
    public bool Clustered { get; init; } = true;

    /// <summary>
    /// How often a clustered worker looks for an exit sweep another worker's tick opened, to join it
    /// (<see cref="ExitSweepJoiner"/>).
    /// </summary>
    public int SweepJoinPollSeconds { get; init; } = 1;

    /// <summary>Each cron must parse as a Quartz expression; the error names the key, the value and the parser's reason.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (key, cron) in new[]
        {
            (nameof(ExitRulesCron), ExitRulesCron), (nameof(MarkToMarketCron), MarkToMarketCron), (nameof(RiskCheckCron), RiskCheckCron),
            (nameof(ProposeTradesCron), ProposeTradesCron), (nameof(ExpireProposalsCron), ExpireProposalsCron),
            (nameof(OrderRecoveryCron), OrderRecoveryCron), (nameof(ExpirationCron), ExpirationCron), (nameof(ScorecardCron), ScorecardCron),
            (nameof(WeeklyReportCron), WeeklyReportCron), (nameof(MonthlyReportCron), MonthlyReportCron),
            (nameof(MorningBriefCron), MorningBriefCron),
        })
        {
            try
            {
                _ = new CronExpression(cron);
            }
            catch (FormatException e)
            {
                errors.Add($"{SectionName}:{key} = '{cron}' is not a Quartz cron expression (seconds first, e.g. '0 0/5 9-15 ? * MON-FRI'): {e.Message}");
            }
        }

        if (SweepJoinPollSeconds < 1)
        {
            errors.Add($"{SectionName}:{nameof(SweepJoinPollSeconds)} = {SweepJoinPollSeconds} must be at least 1.");
        }

        return errors;
    }
}
