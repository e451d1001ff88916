using System.CommandLine;
using OptionsAutomation.Worker;

namespace OptionsAutomation.Cli;

/// <summary>The <c>optauto</c> command tree.</summary>
internal static class OptautoCli
{
    public static async Task<int> RunAsync(string[] args, IReadOnlyList<string> overrides)
    {
        var run = new Command("run", "Run the worker (migrates first); stop with Ctrl+C");
        run.SetAction((_, cancellationToken) => CliAction.Guard(() => WorkerHost.RunAsync(overrides, cancellationToken)));

        var root = new RootCommand(
            "optauto: proposes option credit trades, records positions and closes them by rule.\n" +
            "Any setting can be overridden with --Section:Key=value (e.g. --ExitRules:ExitAtDaysToExpiry=14).")
        {
            run,
            DbCommands.Create(overrides),
            PositionCommands.Create(overrides),
            OrderCommands.Create(overrides),
            ReportCommands.History(overrides),
            ReportCommands.Pnl(overrides),
            ReportCommands.Metrics(overrides),
            PerformanceCommands.Report(overrides),
            BriefCommand.Create(overrides),
            PerformanceCommands.Stats(overrides),
            CompareCommand.Create(overrides),
            ScorecardCommand.Create(overrides),
            PublishCommand.Create(overrides),
            JournalCommands.Create(overrides),
            ExitCommands.Create(overrides),
            AlertCommands.Create(overrides),
            AuditCommands.Create(overrides),
            ProposalCommands.Create(overrides),
            AdjustmentCommands.Create(overrides),
            SizingCommands.Create(overrides),
            TradingCommands.Trading(overrides),
            TradingCommands.Risk(overrides),
            CalendarCommands.Create(overrides),
            PriceCommand.Create(overrides),
            LedgerCommands.Create(overrides),
            BrokerCommands.Create(overrides),
            BacktestCommand.Create(overrides),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // Usage errors read like every other refusal: on stderr, stdout left clean for --json consumers. A mistyped
            // name is reported alone with its correction: the other errors ("required command", the tokens after it) follow from it.
            var path = CommandPath(parsed);
            if (UsageSuggestions.For(parsed, path) is { } suggestion)
            {
                await Console.Error.WriteLineAsync($"error: {suggestion}").ConfigureAwait(false);
            }
            else
            {
                foreach (var error in parsed.Errors)
                {
                    await Console.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
                }
            }

            await Console.Error.WriteLineAsync($"Run '{path} --help' for usage.").ConfigureAwait(false);
            return CliAction.Refused;
        }

        // System.CommandLine ends the process 2 s after Ctrl+C or SIGTERM, which suits a verb; the worker instead gets the
        // host's shutdown timeout to finish a job in flight (an order being placed), plus a margin for the host itself.
        var invocation = parsed.CommandResult.Command == run
            ? new InvocationConfiguration { ProcessTerminationTimeout = WorkerHost.ShutdownTimeout + WorkerHost.ShutdownMargin }
            : new InvocationConfiguration();
        return await parsed.InvokeAsync(invocation).ConfigureAwait(false);
    }

    private static string CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command is RootCommand ? "optauto" : result.Command.Name);
        }

        return string.Join(' ', names);
    }
}
