using System.CommandLine;
using System.Text.Json;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Json;
using Spectre.Console;

namespace OptionsAutomation.Cli;

/// <summary><c>optauto proposals run|list|show</c>.</summary>
internal static class ProposalCommands
{
    private const string CliActor = "cli";

    public static Command Create(IReadOnlyList<string> overrides)
    {
        var proposals = new Command("proposals", "Morning trade proposals awaiting approval");
        proposals.Add(Run(overrides));
        proposals.Add(List(overrides));
        proposals.Add(Show(overrides));
        proposals.Add(Approve(overrides));
        proposals.Add(Reject(overrides));
        return proposals;
    }

    private static Command Run(IReadOnlyList<string> overrides)
    {
        var at = CliOptions.Instant("--at", "Screen as of this instant instead of now");
        var json = CliOptions.Json();
        var command = new Command("run", "Run the screener now: propose trades and list what was passed over, with the reason") { at, json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var asOf = parse.GetValue(at) ?? services.Get<TimeProvider>().GetUtcNow();
            var run = await services.Get<ProposalService>().RunAsync(asOf, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                CliOutput.Json(new
                {
                    proposals = run.Proposals,
                    denials = run.Denials.Select(d => new { ticker = d.Ticker, strategy_type = d.Strategy.ToCode(), code = d.Code.ToCode(), reason = d.ToString() }),
                });
                return CliAction.Ok;
            }

            Table(run.Proposals);
            foreach (var denial in run.Denials)
            {
                AnsiConsole.WriteLine($"no {denial.Strategy.ToCode()} on {denial.Ticker}: {denial}");
            }

            return CliAction.Ok;
        });
        return command;
    }

    private static Command List(IReadOnlyList<string> overrides)
    {
        var status = new Option<string?>("--status") { Description = $"Only this status: {string.Join(", ", DomainCodes.Codes<ProposalStatus>())}" };
        var limit = CliOptions.Number<int>("--limit", "At most this many", defaultValue: 50);
        var json = CliOptions.Json();
        var command = new Command("list", "Proposals, newest first") { status, limit, json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var store = services.Get<IProposalStore>();
            await services.Get<ProposalExpiry>().ExpireDueAsync(services.Get<TimeProvider>().GetUtcNow(), cancellationToken).ConfigureAwait(false);
            var filter = parse.GetValue(status) is { } code ? DomainCodes.Parse<ProposalStatus>(code) : (ProposalStatus?)null;
            var found = await store.ListAsync(filter, Math.Max(1, parse.GetValue(limit)), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                CliOutput.Json(found);
            }
            else
            {
                Table(found);
            }

            return CliAction.Ok;
        });
        return command;
    }

    private static Command Show(IReadOnlyList<string> overrides)
    {
        var id = new Argument<string>("request-id") { Description = "The proposal's request id" };
        var json = CliOptions.Json();
        var command = new Command("show", "One proposal") { id, json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var key = parse.GetRequiredValue(id);
            var proposal = await services.Get<IProposalStore>().FindAsync(key, cancellationToken).ConfigureAwait(false)
                ?? throw new ProposalNotFoundException(key);
            var steps = await PriceSteps.OfAsync(services.Get<IOrderRecords>(), new OrderFilter(RequestId: key), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                var detail = JsonSerializer.SerializeToNode(proposal, DomainJson.Options)!.AsObject();
                detail["price_steps"] = JsonSerializer.SerializeToNode(steps, DomainJson.Options);
                CliOutput.Json(detail);
            }
            else
            {
                Table([proposal]);
                if (proposal.ScalingLine() is { } scaling)
                {
                    AnsiConsole.WriteLine(scaling);
                }

                if (proposal.Sizing is { } sizing)
                {
                    AnsiConsole.WriteLine($"Sizing: {sizing.Summary()}");
                }

                PriceSteps.Table(steps);
            }

            return CliAction.Ok;
        });
        return command;
    }

    private static Command Approve(IReadOnlyList<string> overrides)
    {
        var id = new Argument<string>("request-id") { Description = "The proposal to execute" };
        var json = CliOptions.Json();
        var command = new Command("approve", "Approve a proposal: re-check the risk gate on fresh quotes, send the order, open the position on the fill") { id, json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var outcome = await services.Get<ApprovalService>().ApproveAsync(parse.GetRequiredValue(id), CliActor, cancellationToken).ConfigureAwait(false);
            return Print(outcome, parse.GetValue(json), ProposalStatus.Executed);
        });
        return command;
    }

    private static Command Reject(IReadOnlyList<string> overrides)
    {
        var id = new Argument<string>("request-id") { Description = "The proposal to reject" };
        var reason = new Option<string?>("--reason") { Description = "Why (kept on the proposal and in the audit trail)" };
        var json = CliOptions.Json();
        var command = new Command("reject", "Reject a proposal") { id, reason, json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var outcome = await services.Get<ApprovalService>().RejectAsync(parse.GetRequiredValue(id), CliActor, parse.GetValue(reason), cancellationToken).ConfigureAwait(false);
            return Print(outcome, parse.GetValue(json), ProposalStatus.Rejected);
        });
        return command;
    }

    /// <summary>Prints the outcome; exit code 0 only when the proposal reached <paramref name="wanted"/>.</summary>
    private static int Print(ApprovalOutcome outcome, bool json, ProposalStatus wanted)
    {
        if (json)
        {
            CliOutput.Json(outcome);
        }
        else
        {
            Console.Out.WriteLine($"{outcome.RequestId}: {outcome.Status.ToCode()} — {outcome.Message}");
        }

        return outcome.Status == wanted ? CliAction.Ok : CliAction.Refused;
    }

    private static void Table(IReadOnlyList<TradeProposal> proposals)
    {
        var table = new Table().AddColumns("Request", "Status", "Ticker", "Strategy", "Expiration", "Strikes", "Credit", "Qty", "Max loss", "Collateral", "PoP", "Expires (UTC)");
        foreach (var p in proposals)
        {
            table.AddRow(
                new Text(p.RequestId), new Text(p.Status.ToCode()), new Text(p.Ticker), new Text(p.StrategyType.ToCode()),
                new Text(CliOutput.Format(p.Expiration)),
                new Text(p.LongStrike is { } l ? $"{CliOutput.Format(p.ShortStrike)}/{CliOutput.Format(l)}" : CliOutput.Format(p.ShortStrike)),
                new Text(CliOutput.Format(p.NetCredit)), new Text(CliOutput.Format(p.Quantity)), new Text(CliOutput.Format(p.MaxLoss)),
                new Text(CliOutput.Format(p.Collateral)), new Text(CliOutput.Format(p.ProbabilityOfProfit)), new Text(CliOutput.Format(p.ExpiresAt)));
        }

        FittedTable.Write(table);
        AnsiConsole.WriteLine($"{proposals.Count} proposal(s)");
    }
}
