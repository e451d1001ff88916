using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Pricing;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Hosting;
using OptionsAutomation.Infrastructure.Backtest;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.MarketData.Csv;
using Spectre.Console;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto backtest</c>: replays the shipped market history through the worker's own rules
/// (<see cref="BacktestEngine"/>) with the configured settings, overridable as in every verb. No database. Output is
/// written only once the run is complete: the trades file under a temporary name renamed into place, the JSON or the
/// summary last, so Ctrl+C leaves nothing half-written.
/// </summary>
internal static class BacktestCommand
{
    internal const int Interrupted = 130;

    public static Command Create(IReadOnlyList<string> overrides)
    {
        var profile = new Option<string>("--profile")
        {
            Description = "Strategy profile: " + string.Join("; ", BacktestProfiles.All.Select(p => $"{p.Name} ({p.Description})")),
            DefaultValueFactory = _ => BacktestProfiles.Default,
        };
        var from = CliOptions.Date("--from", "First session to replay (default: the first day of the market history)");
        var to = CliOptions.Date("--to", "Last session to replay (default: the last day of the market history)");
        var underlying = new Option<string>("--underlying") { Description = "Underlying to trade (the history holds SPY)", DefaultValueFactory = _ => "SPY" };
        var equity = CliOptions.Number<decimal>("--starting-equity", "Starting cash in dollars", defaultValue: BacktestSetup.DefaultStartingEquity);
        var json = CliOptions.Json();
        var trades = new Option<string?>("--trades") { Description = "Also write one CSV row per round trip to this file" };
        var html = new Option<string?>("--report") { Description = "Also write a self-contained HTML report (charts, monthly returns, trades) to this file" };
        var command = new Command("backtest", "Replay history through the worker's screener, sizing, risk gate, paper fills, exits and expirations")
        {
            profile, from, to, underlying, equity, json, trades, html,
            BacktestSweepCommand.Create(overrides),
        };
        // The profile's settings are a configuration layer under the command line's: read before the services are built.
        CliAction.Set(command, overrides, parse => BacktestProfiles.Find(parse.GetValue(profile) ?? BacktestProfiles.Default)?.Settings, async (services, parse, cancellationToken) =>
        {
            BacktestSetup setup;
            try
            {
                setup = BacktestSetup.Prepare(
                    new BacktestRequest(parse.GetValue(profile) ?? BacktestProfiles.Default, parse.GetValue(from), parse.GetValue(to),
                        parse.GetValue(underlying) ?? "SPY", parse.GetValue(equity), BacktestSettingsOf(services.Get<IConfiguration>())),
                    ServiceRegistration.ReadTrading(services.Get<IConfiguration>()), services.Get<PaperBrokerSettings>(), services.Get<ILogger<CsvMarketData>>());
            }
            catch (BacktestInputException e)
            {
                throw new CliUsageException(e.Message);
            }

            var (engine, run, paper) = (setup.Engine, setup.Run, services.Get<PaperBrokerSettings>());
            BacktestResult result;
            try
            {
                result = await RunAsync(engine, run, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync("backtest stopped: nothing was written.").ConfigureAwait(false);
                return Interrupted;
            }

            if (parse.GetValue(trades) is { } path)
            {
                BacktestTradesCsv.Write(path, result.Trades);
            }

            if (parse.GetValue(html) is { } page)
            {
                BacktestHtml.Write(page, BacktestPage.Of(result, setup, paper));
            }

            var report = BacktestJson.Of(result, setup.Profile, paper);
            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(report, BacktestJson.Options)).ConfigureAwait(false);
            }
            else
            {
                Summary(report);
            }

            return CliAction.Ok;
        });
        return command;
    }

    /// <summary>Runs with a progress bar when both streams are a terminal; silently otherwise.</summary>
    internal static Task<BacktestResult> RunAsync(BacktestEngine engine, BacktestRun run, CancellationToken cancellationToken)
    {
        if (Console.IsOutputRedirected || Console.IsErrorRedirected)
        {
            return engine.RunAsync(run, null, cancellationToken);
        }

        var total = engine.Sessions(run).Count;
        return AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
        {
            var task = context.AddTask("backtest", maxValue: total);
            return await engine.RunAsync(run, new SynchronousProgress(task), cancellationToken).ConfigureAwait(false);
        });
    }

    /// <summary>The configured <c>Backtest</c> section (validated with the rest of the request by <see cref="BacktestSetup"/>).</summary>
    public static BacktestSettings BacktestSettingsOf(IConfiguration configuration) =>
        configuration.GetSection(BacktestSettings.SectionName).Get<BacktestSettings>() ?? new BacktestSettings();

    private static void Summary(BacktestJson report)
    {
        foreach (var assumption in report.Assumptions)
        {
            CliOutput.Note($"assumed: {assumption}");
        }

        var (run, stats) = (report.Run, report.Stats);
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string name, string value) => grid.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("Sessions", string.Create(CultureInfo.InvariantCulture, $"{run.Sessions} ({run.From:yyyy-MM-dd} to {run.To:yyyy-MM-dd}; real chain {run.RealChainSessions}, synthetic {run.SyntheticChainSessions})"));
        Row("Equity", string.Create(CultureInfo.InvariantCulture, $"{run.StartingEquity:N2} -> {stats.EndingEquity:N2}"));
        Row("Total return", Percent(stats.TotalReturn));
        Row("CAGR", Percent(stats.Cagr));
        Row("Volatility", Percent(stats.AnnualVolatility));
        Row("Sharpe / Sortino / Calmar", string.Create(CultureInfo.InvariantCulture, $"{stats.Sharpe:0.00} / {stats.Sortino:0.00} / {stats.Calmar:0.00}"));
        Row("Max drawdown", string.Create(CultureInfo.InvariantCulture, $"{Percent(stats.MaxDrawdown.Depth)} ({stats.MaxDrawdown.Peak:yyyy-MM-dd} to {stats.MaxDrawdown.Trough:yyyy-MM-dd})"));
        Row("Proposals", string.Create(CultureInfo.InvariantCulture, $"{run.Proposals} ({run.Approved} approved, {run.Rejected} rejected)"));
        Row("Trades", string.Create(CultureInfo.InvariantCulture, $"{stats.Trades}, win rate {stats.WinRate?.ToString("0.##", CultureInfo.InvariantCulture) ?? "-"}%, profit factor {stats.ProfitFactor:0.00}, P&L {stats.TotalPnl:N2}"));
        Row("Exits", string.Join(", ", stats.TradesByExitReason.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key} {e.Value}"))));
        Row("Screen denials", string.Join(", ", run.ScreenDenials.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Key} {d.Value}"))));
        Row("Breaker resets", run.BreakerResets.ToString(CultureInfo.InvariantCulture));
        Row("Settlement errors", run.SettlementErrors.ToString(CultureInfo.InvariantCulture));
        Row("Trading state at end", run.TradingStateReason is { } why
            ? string.Create(CultureInfo.InvariantCulture, $"{run.TradingStateAtEnd} since {run.TradingStateChangedAt:yyyy-MM-dd}: {why}")
            : run.TradingStateAtEnd);
        Row("Open at end", run.OpenAtEnd.ToString(CultureInfo.InvariantCulture));
        Row("Interest", stats.InterestEarned.ToString("N2", CultureInfo.InvariantCulture));
        AnsiConsole.Write(grid);
    }

    internal static string Percent(double value) =>
        double.IsFinite(value) ? (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Moves the bar on the engine's thread (<see cref="Progress{T}"/> would post to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(ProgressTask task) : IProgress<int>
    {
        public void Report(int value) => task.Value = value;
    }
}
