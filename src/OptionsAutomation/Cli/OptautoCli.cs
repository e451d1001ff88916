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
            ReportCommands.History(overrides),
            ReportCommands.Pnl(overrides),
            ReportCommands.Metrics(overrides),
        };

        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }
}
