using System.CommandLine;
using System.Text.Json;
using OptionsAutomation.Core.Analytics.Periods;
using OptionsAutomation.Hosting;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto report weekly|monthly [--date DATE] [--json] [--html FILE]</c>: the report of the week or month containing
/// the date (today without one), as the chat gets it; subcommands of <c>report</c>, whose own range options still work.
/// </summary>
internal static class PeriodReportCommands
{
    public static Command Weekly(IReadOnlyList<string> overrides) =>
        Period("weekly", ReportPeriodKind.Week, "Weekly report: the week (Monday–Friday sessions) containing the date", overrides);

    public static Command Monthly(IReadOnlyList<string> overrides) =>
        Period("monthly", ReportPeriodKind.Month, "Monthly report: the calendar month containing the date", overrides);

    private static Command Period(string name, ReportPeriodKind kind, string description, IReadOnlyList<string> overrides)
    {
        var date = CliOptions.Date("--date", "A New York date in the period (default: today; a period under way is reported to today)");
        var json = CliOptions.Json();
        var html = new Option<string>("--html") { Description = "Also write the report as one self-contained HTML page with its chart" };
        var command = new Command(name, description + "; return, drawdown, ratios to date, exit reasons, best/worst trade, exposure, SPY buy-and-hold")
        {
            date, json, html,
        };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var report = await services.Get<PeriodReportReader>()
                .ReadAsync(kind, parse.GetValue(date), message => new CliUsageException(message), cancellationToken).ConfigureAwait(false);
            var page = PeriodReportJson.Of(report);
            if (parse.GetValue(html) is { } path)
            {
                AtomicFile.WriteText(path, Html(page));
            }

            if (parse.GetValue(json))
            {
                PerformanceJson.Write(page);
            }
            else
            {
                foreach (var line in page.Summary)
                {
                    Console.Out.WriteLine(line);
                }
            }

            return CliAction.Ok;
        });
        return command;
    }

    /// <summary>The dashboard's report view (wwwroot/js/report-view.js) over the report's JSON, in one file.</summary>
    internal static string Html(PeriodReportJson page) =>
        new StandalonePage(page.Summary[0], "report-result", "backtest", "report-data", ["css/backtest.css"], "report-file.js")
            .Render(JsonSerializer.Serialize(page, PerformanceJson.Options));
}
