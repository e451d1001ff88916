using System.CommandLine;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Trading.Adjustments;
using Spectre.Console;

namespace OptionsAutomation.Cli;

/// <summary><c>optauto adjustments list|approve|reject</c>: the sweep's roll, close and reduce recommendations.</summary>
internal static class AdjustmentCommands
{
    private const string CliActor = "cli";

    public static Command Create(IReadOnlyList<string> overrides)
    {
        var adjustments = new Command("adjustments", "Roll, close and reduce recommendations for open positions");
        adjustments.Add(List(overrides));
        adjustments.Add(Approve(overrides));
        adjustments.Add(Reject(overrides));
        return adjustments;
    }

    private static Command List(IReadOnlyList<string> overrides)
    {
        var status = new Option<string?>("--status") { Description = $"Only this status: {string.Join(", ", DomainCodes.Codes<AdjustmentStatus>())}" };
        var limit = CliOptions.Number<int>("--limit", "At most this many", defaultValue: 50);
        var json = CliOptions.Json();
        var command = new Command("list", "Recommendations, newest first") { status, limit, json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var filter = parse.GetValue(status) is { } code ? DomainCodes.Parse<AdjustmentStatus>(code) : (AdjustmentStatus?)null;
            var found = await services.Get<IAdjustmentStore>().ListAsync(filter, Math.Max(1, parse.GetValue(limit)), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                CliOutput.Json(found);
                return CliAction.Ok;
            }

            var table = new Table().AddColumns("Id", "Status", "Kind", "Position", "Ticker", "Risk", "Urgency", "Contracts", "Roll to", "Min credit", "Created (UTC)", "Decided by");
            foreach (var a in found)
            {
                table.AddRow(
                    new Text(CliOutput.Format(a.Id)), new Text(a.Status.ToCode()), new Text(a.Kind.ToCode()), new Text(CliOutput.Format(a.PositionId)),
                    new Text(a.Ticker), new Text(CliOutput.Format(a.RiskScore)), new Text(a.Urgency.ToCode()), new Text(CliOutput.Format(a.Contracts)),
                    new Text(a.Roll is { } r ? $"{CliOutput.Format(r.Expiration)} {CliOutput.Format(r.ShortStrike)}{(r.LongStrike is { } l ? "/" + CliOutput.Format(l) : "")}" : ""),
                    new Text(a.Roll is { } m ? CliOutput.Format(m.MinimumNetCredit) : ""), new Text(CliOutput.Format(a.CreatedAt)), new Text(a.DecidedBy ?? ""));
            }

            FittedTable.Write(table);
            foreach (var a in found.Where(a => a.Status == AdjustmentStatus.Pending))
            {
                AnsiConsole.WriteLine($"{a.Id}: {a.Summary}");
            }

            AnsiConsole.WriteLine($"{found.Count} recommendation(s)");
            return CliAction.Ok;
        });
        return command;
    }

    private static Command Approve(IReadOnlyList<string> overrides)
    {
        var id = new Argument<long>("id") { Description = "The recommendation to execute" };
        var json = CliOptions.Json();
        var command = new Command("approve", "Approve a recommendation: roll (one order closing the old legs and opening the new), close or reduce now") { id, json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var outcome = await services.Get<AdjustmentApprovals>().ApproveAsync(parse.GetRequiredValue(id), CliActor, cancellationToken).ConfigureAwait(false);
            return Print(outcome, parse.GetValue(json), AdjustmentStatus.Executed);
        });
        return command;
    }

    private static Command Reject(IReadOnlyList<string> overrides)
    {
        var id = new Argument<long>("id") { Description = "The recommendation to reject" };
        var reason = new Option<string?>("--reason") { Description = "Why (kept on the recommendation and in the audit trail)" };
        var json = CliOptions.Json();
        var command = new Command("reject", "Reject a recommendation") { id, reason, json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var outcome = await services.Get<AdjustmentApprovals>().DeclineAsync(parse.GetRequiredValue(id), CliActor, AdjustmentStatus.Rejected, parse.GetValue(reason), cancellationToken).ConfigureAwait(false);
            return Print(outcome, parse.GetValue(json), AdjustmentStatus.Rejected);
        });
        return command;
    }

    /// <summary>Prints the outcome; exit code 0 only when the recommendation reached <paramref name="wanted"/>.</summary>
    private static int Print(AdjustmentOutcome outcome, bool json, AdjustmentStatus wanted)
    {
        if (json)
        {
            CliOutput.Json(outcome);
        }
        else
        {
            Console.Out.WriteLine($"adjustment {outcome.Adjustment.Id}: {outcome.Adjustment.Status.ToCode()} — {outcome.Message}");
        }

        return outcome.Adjustment.Status == wanted ? CliAction.Ok : CliAction.Refused;
    }
}
