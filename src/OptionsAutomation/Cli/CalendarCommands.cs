using System.CommandLine;
using OptionsAutomation.Core.Calendar;

namespace OptionsAutomation.Cli;

/// <summary><c>optauto calendar</c> and <c>optauto calendar holidays</c>: NYSE sessions and closures, no database.</summary>
internal static class CalendarCommands
{
    /// <summary>Without --to, a month ahead: enough to see the next holiday or early close.</summary>
    private const int DefaultDays = 30;

    public static Command Create(IReadOnlyList<string> overrides)
    {
        var from = CliOptions.Date("--from", "First New York date to list (default: today in New York)");
        var to = CliOptions.Date("--to", $"Last New York date to list (default: {DefaultDays} days after --from)");
        var json = CliOptions.Json();
        var calendar = new Command("calendar", "NYSE sessions with their open and close in New York time and UTC")
        {
            from, to, json, Holidays(overrides),
        };

        CliAction.Set(calendar, overrides, (services, parse, _) =>
        {
            var first = parse.GetValue(from) ?? MarketTime.Today(services.Get<TimeProvider>());
            var last = parse.GetValue(to) ?? first.AddDays(DefaultDays);
            CheckCovered("--from", first.Year);
            CheckCovered("--to", last.Year);
            if (first > last)
            {
                throw new CliUsageException($"--from {first:yyyy-MM-dd} is after --to {last:yyyy-MM-dd}.");
            }

            var sessions = services.Get<NyseCalendar>().Sessions(first, last);
            if (parse.GetValue(json))
            {
                CliOutput.Json(sessions.Select(SessionJson.From));
            }
            else
            {
                CliOutput.SessionTable(sessions);
            }

            return Task.FromResult(CliAction.Ok);
        });
        return calendar;
    }

    private static Command Holidays(IReadOnlyList<string> overrides)
    {
        var year = CliOptions.OptionalNumber<int>("--year", "Calendar year (default: this year in New York)");
        var json = CliOptions.Json();
        var command = new Command("holidays", "Weekdays the NYSE is closed all day, with the holiday or event") { year, json };
        CliAction.Set(command, overrides, (services, parse, _) =>
        {
            var chosen = parse.GetValue(year) ?? MarketTime.Today(services.Get<TimeProvider>()).Year;
            CheckCovered("--year", chosen);
            var holidays = services.Get<NyseCalendar>().Holidays(chosen);
            if (parse.GetValue(json))
            {
                CliOutput.Json(holidays);
            }
            else
            {
                CliOutput.HolidayTable(holidays);
            }

            return Task.FromResult(CliAction.Ok);
        });
        return command;
    }

    private static void CheckCovered(string option, int year)
    {
        if (!NyseCalendar.Covers(year))
        {
            throw new CliUsageException(
                $"{option}: {year} is outside the years the NYSE calendar covers ({NyseCalendar.FirstYear} to {NyseCalendar.LastYear}).");
        }
    }

    /// <summary>One session in <c>--json</c>: each bell in New York time (with its offset) and in UTC.</summary>
    private sealed record SessionJson(DateOnly Date, BellJson Open, BellJson Close, bool EarlyClose)
    {
        public static SessionJson From(TradingSession s) =>
            new(s.Date, new BellJson(s.OpenEt, s.Open.UtcDateTime), new BellJson(s.CloseEt, s.Close.UtcDateTime), s.EarlyClose);
    }

    /// <summary>A <see cref="DateTime"/> in UTC serializes with a trailing Z, which reads unambiguously as UTC.</summary>
    private sealed record BellJson(DateTimeOffset Et, DateTime Utc);
}
