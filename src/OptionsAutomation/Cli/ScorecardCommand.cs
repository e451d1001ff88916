using System.CommandLine;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto scorecard [--date DATE] [--json] [--png FILE]</c>: the scorecard of a session from stored data (what the
/// 16:05 job sends), as text or JSON, and its card as a PNG file. Nothing is queued for the chat.
/// </summary>
internal static class ScorecardCommand
{
    public static Command Create(IReadOnlyList<string> overrides)
    {
        var date = CliOptions.Date("--date", "New York session date (default: the last session whose close has passed)");
        var json = CliOptions.Json();
        var png = new Option<FileInfo?>("--png") { Description = "Also write the card (PNG) to this file" };
        var command = new Command("scorecard", "The daily scorecard of a session: trades closed, realized P&L, open risk, win rate to date")
        {
            date, json, png,
        };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var scorecards = services.Get<ScorecardService>();
            var day = parse.GetValue(date) ?? scorecards.LatestDate();
            var scorecard = await scorecards.ReadAsync(day, cancellationToken).ConfigureAwait(false)
                ?? throw new CliUsageException($"{day:yyyy-MM-dd} has no scorecard: it is not a NYSE session, or its close has not come yet.");
            if (parse.GetValue(png) is { } file)
            {
                AtomicFile.WriteBytes(file.FullName, services.Get<IScorecardCard>().Png(scorecard));
            }

            if (parse.GetValue(json))
            {
                PerformanceJson.Write(ScorecardJson.Of(scorecard));
            }
            else
            {
                Console.Out.WriteLine(scorecard.ToAlert().Text);
            }

            return CliAction.Ok;
        });
        return command;
    }
}
