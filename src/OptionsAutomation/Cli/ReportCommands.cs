using System.CommandLine;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Cli;

/// <summary><c>optauto history</c>, <c>optauto pnl daily</c> and <c>optauto metrics</c>: read-only reports.</summary>
internal static class ReportCommands
{
    public static Command History(IReadOnlyList<string> overrides)
    {
        var from = CliOptions.Date("--from", "First New York close date to include");
        var to = CliOptions.Date("--to", "Last New York close date to include");
        var json = CliOptions.Json();
        var command = new Command("history", "Closed trades (trade_history), oldest first") { from, to, json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var trades = await services.Get<PositionManager>().HistoryAsync(parse.GetValue(from), parse.GetValue(to), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                CliOutput.Json(trades);
            }
            else
            {
                CliOutput.TradeTable(trades);
            }

            return CliAction.Ok;
        });
        return command;
    }

    public static Command Pnl(IReadOnlyList<string> overrides)
    {
        var date = CliOptions.Date("--date", "Only this New York close date");
        var json = CliOptions.Json();
        var daily = new Command("daily", "P&L per New York close date and ticker (v_daily_pnl)") { date, json };
        CliAction.Set(daily, overrides, async (services, parse, cancellationToken) =>
        {
            var days = await services.Get<PositionManager>().DailyPnlAsync(parse.GetValue(date), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                CliOutput.Json(days);
            }
            else
            {
                CliOutput.DailyPnlTable(days);
            }

            return CliAction.Ok;
        });
        return new Command("pnl", "Profit and loss reports") { daily };
    }

    public static Command Metrics(IReadOnlyList<string> overrides)
    {
        var json = CliOptions.Json();
        var command = new Command("metrics", "Performance over all closed trades (v_performance_metrics)") { json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var metrics = await services.Get<PositionManager>().PerformanceAsync(cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                CliOutput.Json(metrics);
            }
            else
            {
                CliOutput.Metrics(metrics);
            }

            return CliAction.Ok;
        });
        return command;
    }
}
