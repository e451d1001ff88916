using System.CommandLine;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Brief;
using OptionsAutomation.Core.Calendar;
using Spectre.Console;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto brief [--date DATE] [--json]</c>: the morning brief the 09:00 job sends, for today (as of now) or another
/// New York date (as of 09:00 that day); built, not sent.
/// </summary>
internal static class BriefCommand
{
    public static Command Create(IReadOnlyList<string> overrides)
    {
        var date = CliOptions.Date("--date", "The New York date (default: today)");
        var json = CliOptions.Json();
        var command = new Command("brief", "Morning brief: market, open positions near a rule, today's expirations, the screener's plan, limits in use") { date, json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var day = parse.GetValue(date) ?? MarketTime.Today(services.Get<TimeProvider>());
            var brief = await services.Get<MorningBriefService>().BuildAsync(day, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                CliOutput.Json(brief);
            }
            else
            {
                Print(brief);
            }

            return CliAction.Ok;
        });
        return command;
    }

    private static void Print(MorningBrief brief)
    {
        AnsiConsole.MarkupLine(Markup.Escape($"Morning brief {brief.Date:yyyy-MM-dd}, as of {CliOutput.Format(brief.AsOf)}"));
        var market = new Table().AddColumns("Underlying", "Previous close", "Last", "Change", "Change %", "Note");
        foreach (var u in brief.Underlyings)
        {
            market.AddRow(u.Symbol, CliOutput.Format(u.PreviousClose), CliOutput.Format(u.Last), CliOutput.Format(u.Change), CliOutput.Format(u.ChangePercent),
                Markup.Escape(u.Problem ?? ""));
        }

        if (brief.Vix is { } vix)
        {
            market.AddRow("VIX", CliOutput.Format(vix.Level), "", "", "", Markup.Escape($"{vix.Date:yyyy-MM-dd}, IV rank {CliOutput.Format(vix.IvRank)}"));
        }

        FittedTable.Write(market);
        var open = new Table().AddColumns("ID", "Ticker", "Strategy", "Short", "Qty", "DTE", "To short $", "To short %", "Unrealized", "Near");
        foreach (var p in brief.Open)
        {
            open.AddRow(CliOutput.Format(p.PositionId), p.Ticker, p.Strategy, CliOutput.Format(p.ShortStrike), CliOutput.Format(p.Quantity),
                CliOutput.Format(p.DaysToExpiry), CliOutput.Format(p.DistanceToShort), CliOutput.Format(p.DistanceToShortPercent), CliOutput.Format(p.UnrealizedPnl),
                Markup.Escape(string.Join("; ", p.Near.Select(n => $"{n.Rule}: {n.Detail}"))));
        }

        FittedTable.Write(open);
        AnsiConsole.WriteLine(brief.ExpiringToday.Count == 0
            ? "Expiring today: none"
            : "Expiring today: " + string.Join(", ", brief.ExpiringToday.Select(p => $"#{p.PositionId} {p.Ticker} {p.Strategy}")));
        if (brief.Screener is { } plan)
        {
            AnsiConsole.WriteLine($"Screener {(plan.ScreensToday ? "today" : $"not today ({plan.EntrySchedule})")}: {string.Join(", ", plan.Targets)}; " +
                $"{plan.MinDaysToExpiry}-{plan.MaxDaysToExpiry} DTE, delta {CliOutput.Format(plan.TargetDelta)}, min open interest {plan.MinOpenInterest}");
        }

        var limits = new Table().AddColumns("Limit", "Value", "Limit", "Unit", "Used", "State");
        foreach (var l in brief.Limits)
        {
            limits.AddRow(l.Name, CliOutput.Format(l.Value), CliOutput.Format(l.Limit), l.Unit, CliOutput.Format(l.Utilization), l.State.ToCode());
        }

        FittedTable.Write(limits);
        foreach (var problem in brief.Problems)
        {
            CliOutput.Warn(problem);
        }
    }
}
