using System.CommandLine;
using System.Globalization;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Proposals.Sizing;
using Spectre.Console;

namespace OptionsAutomation.Cli;

/// <summary><c>optauto sizing explain</c>: why a proposal got its size, from what was stored with it; <c>sizing evaluate</c> (<see cref="SizingEvaluateCommand"/>) and <c>sizing train</c> (<see cref="SizingTrainCommand"/>).</summary>
internal static class SizingCommands
{
    public static Command Create(IReadOnlyList<string> overrides)
    {
        var sizing = new Command("sizing", "How proposals are sized (Sizing:Strategy)");
        sizing.Add(Explain(overrides));
        sizing.Add(SizingEvaluateCommand.Create(overrides));
        sizing.Add(SizingTrainCommand.Create(overrides));
        return sizing;
    }

    private static Command Explain(IReadOnlyList<string> overrides)
    {
        var id = new Argument<string>("request-id") { Description = "The proposal's request id" };
        var json = CliOptions.Json();
        var command = new Command("explain", "Why a proposal got its size: the strategy, its inputs, each step, the binding limit and any fallback") { id, json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var key = parse.GetRequiredValue(id);
            var proposal = await services.Get<IProposalStore>().FindAsync(key, cancellationToken).ConfigureAwait(false)
                ?? throw new ProposalNotFoundException(key);
            if (proposal.Sizing is not { } result)
            {
                await Console.Error.WriteLineAsync($"error: proposal {key} was made before sizing was stored: no explanation.").ConfigureAwait(false);
                return CliAction.Refused;
            }

            if (parse.GetValue(json))
            {
                CliOutput.Json(new
                {
                    request_id = proposal.RequestId,
                    ticker = proposal.Ticker,
                    strategy_type = proposal.StrategyType.ToCode(),
                    quantity = proposal.Quantity,
                    sizing = result,
                });
                return CliAction.Ok;
            }

            Print(proposal, result);
            return CliAction.Ok;
        });
        return command;
    }

    private static void Print(TradeProposal proposal, PositionSizingResult result)
    {
        AnsiConsole.WriteLine($"{proposal.RequestId}: {proposal.Ticker} {proposal.StrategyType.ToCode()} × {proposal.Quantity}");
        AnsiConsole.WriteLine($"Sizing: {result.Summary()}");
        if (result.Fallback is { } fallback)
        {
            AnsiConsole.WriteLine($"Fallback: {fallback.From} could not size it: {fallback.Reason}");
        }

        if (result.Record is { } record)
        {
            AnsiConsole.WriteLine($"Record: {record}");
        }

        var table = new Table().AddColumns("Kind", "Name", "Value");
        foreach (var (kind, steps) in new[] { ("input", result.Inputs), ("step", result.Steps) })
        {
            foreach (var step in steps)
            {
                table.AddRow(new Text(kind), new Text(step.Name), new Text(step.Value.ToString("0.######", CultureInfo.InvariantCulture)));
            }
        }

        FittedTable.Write(table);
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Binding limit: {result.BindingLimit} · fraction of equity {result.FractionOfEquity:0.######}"));
    }
}
