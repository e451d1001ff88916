using System.CommandLine;
using System.Globalization;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Trading.Adjustments;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto positions roll ID --expiration DATE --short-strike K [--long-strike K] --min-credit C</c>: a person rolls a
/// position without a recommendation, under the same rules and through the same <see cref="IRollExecutor"/> as an
/// approved one. Exit 0 when something rolled, 1 when it was refused or nothing filled.
/// </summary>
internal static class RollCommand
{
    private const string CliActor = "cli";

    public static Command Create(IReadOnlyList<string> overrides)
    {
        var id = CliOptions.WholeArgument<long>("id", "The OPEN CSP or VPC position to roll");
        var expiration = CliOptions.Date("--expiration", "The new expiration, after the position's", required: true);
        var shortStrike = CliOptions.Number<decimal>("--short-strike", "The new short put's strike", required: true);
        var longStrike = CliOptions.OptionalNumber<decimal>("--long-strike", "The new long put's strike (a VPC only)");
        var minCredit = CliOptions.Number<decimal>("--min-credit", "The least net credit per share to roll for (new legs' credit less the old legs' debit)", required: true);
        var clientOrderId = new Option<string?>("--client-order-id")
        {
            Description = "Idempotency key of the roll order: the same id never sends a second order (default: generated)",
        };
        var json = CliOptions.Json();
        var command = new Command("roll", "Roll an OPEN position out in time as one order: close its legs, open the same strategy at the new expiration and strikes")
        {
            id, expiration, shortStrike, longStrike, minCredit, clientOrderId, json,
        };

        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var request = new RollRequest(
                parse.GetValue(id),
                parse.GetValue(expiration)!.Value,
                parse.GetValue(shortStrike),
                parse.GetValue(longStrike),
                parse.GetValue(minCredit),
                parse.GetValue(clientOrderId) ?? $"roll-cli-{Guid.CreateVersion7():N}",
                CliActor);
            var result = await services.Get<IRollExecutor>().RollAsync(request, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                CliOutput.Json(result);
            }
            else
            {
                Console.Out.WriteLine(Describe(request, result));
            }

            return result.Rolled ? CliAction.Ok : CliAction.Refused;
        });
        return command;
    }

    private static string Describe(RollRequest request, RollResult result)
    {
        var order = result.Order is { } o ? string.Create(CultureInfo.InvariantCulture, $" (order {o.ClientOrderId} {o.Status.ToCode()}, {o.FilledQuantity} of {o.Quantity} filled)") : "";
        return result.NewPositionId is { } rolled
            ? $"position {result.OldPositionId} rolled into position {rolled}{order}{(result.Problem is null ? "" : $"; {result.Problem}")}"
            : $"position {result.OldPositionId} not rolled{order}: {result.Problem ?? $"order {request.ClientOrderId} rolled nothing"}";
    }
}
