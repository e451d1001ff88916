using System.CommandLine;
using System.Globalization;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Cli;

/// <summary><c>optauto positions add|list|show|close|close-all|mark|roll</c>.</summary>
internal static class PositionCommands
{
    private const string CliActor = "cli";

    public static Command Create(IReadOnlyList<string> overrides)
    {
        var positions = new Command("positions", "Record, list, show, close and roll positions");
        positions.Add(Add(overrides));
        positions.Add(List(overrides));
        positions.Add(Show(overrides));
        positions.Add(Close(overrides));
        positions.Add(CloseAll(overrides));
        positions.Add(Mark(overrides));
        positions.Add(RollCommand.Create(overrides));
        return positions;
    }

    private static Command Add(IReadOnlyList<string> overrides)
    {
        var ticker = new Option<string>("--ticker") { Description = "Underlying symbol, e.g. SPY", Required = true };
        var strategy = new Option<string>("--strategy") { Description = "CSP or VPC", Required = true };
        var expiration = CliOptions.Date("--expiration", "Option expiration date", required: true);
        var shortStrike = CliOptions.Number<decimal>("--short-strike", "Strike of the short put", required: true);
        var longStrike = CliOptions.OptionalNumber<decimal>("--long-strike", "Strike of the long put (VPC only)");
        var credit = CliOptions.Number<decimal>("--credit", "Net credit received per share, e.g. 1.50", required: true);
        var quantity = CliOptions.Number<int>("--quantity", "Number of contracts (spreads), at most Risk:MaxPositionContracts", required: true);
        var requestId = new Option<string?>("--request-id") { Description = "Idempotency key; the same id never records twice (default: generated)" };
        var openedAt = CliOptions.Instant("--opened-at", "When the opening order filled (default: now)");
        var fees = CliOptions.Number<decimal>("--fees", "Commissions and fees in dollars");
        var notes = new Option<string?>("--notes") { Description = "Free text kept with the position" };
        var json = CliOptions.Json();
        var command = new Command("add", "Record a credit trade executed elsewhere as an OPEN position")
        {
            ticker, strategy, expiration, shortStrike, longStrike, credit, quantity, requestId, openedAt, fees, notes, json,
        };

        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var request = new OpenPositionRequest
            {
                RequestId = parse.GetValue(requestId) ?? $"cli-{Guid.CreateVersion7():N}",
                Strategy = DomainCodes.Parse<StrategyType>(parse.GetRequiredValue(strategy)),
                Ticker = parse.GetRequiredValue(ticker),
                Expiration = parse.GetValue(expiration)!.Value,
                ShortStrike = parse.GetValue(shortStrike),
                LongStrike = parse.GetValue(longStrike),
                Credit = parse.GetValue(credit),
                Quantity = parse.GetValue(quantity),
                Fees = parse.GetValue(fees),
                OpenedAt = parse.GetValue(openedAt),
                Notes = parse.GetValue(notes),
                Actor = CliActor,
            };
            PositionRuleException.ThrowIfAny(ManualEntryBounds.Problems(
                request,
                services.Get<PortfolioRiskSettings>().MaxPositionContracts,
                services.Get<PositionSettings>().MaxExpirationYears,
                services.Get<TimeProvider>().GetUtcNow()));
            var opened = await services.Get<PositionManager>().OpenAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var warning in opened.Warnings)
            {
                CliOutput.Warn(warning);
            }

            if (!opened.Created)
            {
                CliOutput.Note($"request {opened.Position.RequestId} is already recorded as position {opened.Position.PositionId}; nothing was written.");
            }

            Print(opened.Position, parse.GetValue(json));
            return CliAction.Ok;
        });
        return command;
    }

    private static Command List(IReadOnlyList<string> overrides)
    {
        var ticker = new Option<string?>("--ticker") { Description = "Only this underlying" };
        var status = new Option<string>("--status") { Description = "open, closed or all", DefaultValueFactory = _ => "open" };
        status.AcceptOnlyFromAmong("open", "closed", "all");
        var json = CliOptions.Json();
        var command = new Command("list", "List positions") { ticker, status, json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var filter = Enum.Parse<PositionStatusFilter>(parse.GetRequiredValue(status), ignoreCase: true);
            var found = await services.Get<PositionManager>().ListAsync(filter, parse.GetValue(ticker), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                CliOutput.Json(found);
            }
            else
            {
                CliOutput.PositionTable(found);
            }

            return CliAction.Ok;
        });
        return command;
    }

    private static Command Show(IReadOnlyList<string> overrides)
    {
        var id = new Argument<string>("id") { Description = "Position id, or the request id it was opened with" };
        var json = CliOptions.Json();
        var command = new Command("show", "Show one position, its roll chain, the fills booked to it and its journal") { id, json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var detail = await services.Get<PositionDetailReader>().ReadAsync(parse.GetRequiredValue(id), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                CliOutput.Json(PositionDetailJson.Of(detail));
            }
            else
            {
                CliOutput.PositionDetail(detail.Position, detail.Rolls);
                CliOutput.FillTable(detail.Fills);
                PriceSteps.Table(detail.PriceSteps);
                JournalCommands.Table(detail.Journal);
            }

            return CliAction.Ok;
        });
        return command;
    }

    private static Command Close(IReadOnlyList<string> overrides)
    {
        var id = CliOptions.WholeArgument<long>("id", "Position id");
        var price = CliOptions.Number<decimal>("--price", "Net debit per share paid to close (0 if it expired worthless)", required: true);
        var reason = new Option<string>("--reason")
        {
            Description = $"Exit reason: {string.Join(", ", DomainCodes.Codes<ExitReason>())}",
            DefaultValueFactory = _ => ExitReason.Manual.ToCode(),
        };
        var closedAt = CliOptions.Instant("--closed-at", "When the closing order filled (default: now)");
        var fees = CliOptions.Number<decimal>("--fees", "Commissions and fees of the closing order in dollars");
        var json = CliOptions.Json();
        var command = new Command("close", "Close an OPEN position at a price; realized P&L is computed from the stored entry")
        {
            id, price, reason, closedAt, fees, json,
        };

        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var exit = new PositionExit(
                parse.GetValue(price),
                DomainCodes.Parse<ExitReason>(parse.GetRequiredValue(reason)),
                parse.GetValue(closedAt) ?? services.Get<TimeProvider>().GetUtcNow(),
                ExecutedBy.Manual,
                CliActor,
                parse.GetValue(fees));
            var closed = await services.Get<PositionManager>().CloseAsync(parse.GetValue(id), exit, cancellationToken).ConfigureAwait(false);
            Print(closed.Position, parse.GetValue(json));
            return CliAction.Ok;
        });
        return command;
    }

    private static Command CloseAll(IReadOnlyList<string> overrides)
    {
        var ticker = new Option<string?>("--ticker") { Description = "Only this underlying" };
        var strategy = new Option<string?>("--strategy") { Description = "Only this strategy: CSP or VPC" };
        var confirm = new Option<bool>("--confirm") { Description = "Send the closing orders; without it the positions are only listed" };
        var json = CliOptions.Json();
        var command = new Command(
            "close-all",
            "Emergency reduction: trading to REDUCING, then close every matching open option position through a closing order")
        {
            ticker, strategy, confirm, json,
        };

        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var scope = ReductionScope.Of(parse.GetValue(ticker), parse.GetValue(strategy) is { } code ? DomainCodes.Parse<StrategyType>(code) : null);
            var reduction = services.Get<EmergencyReduction>();
            if (!parse.GetValue(confirm))
            {
                var targets = await reduction.PreviewAsync(scope, cancellationToken).ConfigureAwait(false);
                if (parse.GetValue(json))
                {
                    CliOutput.Json(targets);
                }
                else
                {
                    CliOutput.PositionTable(targets);
                }

                CliOutput.Note($"nothing was sent: add --confirm to move trading to REDUCING and close these {targets.Count} position(s).");
                return CliAction.Unconfirmed;
            }

            var result = await reduction.RunAsync(scope, CliActor, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                CliOutput.Json(result);
            }
            else
            {
                CliOutput.ReductionTable(result);
            }

            return result.LeftOpen ? CliAction.Refused : CliAction.Ok;
        });
        return command;
    }

    private static Command Mark(IReadOnlyList<string> overrides)
    {
        var id = CliOptions.WholeArgument<long>("id", "Position id");
        var price = CliOptions.Number<decimal>("--price", "Net debit per share to close, as you see it now", required: true);
        var json = CliOptions.Json();
        var command = new Command("mark", "Set a manual mark (audited): updates unrealized P&L and MAE/MFE") { id, price, json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var marked = await services.Get<MarkToMarketService>().MarkManuallyAsync(parse.GetValue(id), parse.GetValue(price), CliActor, cancellationToken).ConfigureAwait(false);
            Print(marked, parse.GetValue(json));
            return CliAction.Ok;
        });
        return command;
    }

    private static void Print(Position position, bool json)
    {
        if (json)
        {
            CliOutput.Json(position);
        }
        else
        {
            CliOutput.PositionDetail(position);
        }
    }
}
