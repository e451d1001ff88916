using System.CommandLine;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Risk;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto trading status|halt|reduce|resume</c> and <c>optauto risk breaker reset</c>: the switches of
/// the pre-trade gate. Every change is audited and alerted. <c>risk report|stress</c> live in <see cref="RiskCommands"/>.
/// </summary>
internal static class TradingCommands
{
    private const string CliActor = "cli";

    public static Command Trading(IReadOnlyList<string> overrides)
    {
        var trading = new Command("trading", "The trading state: ACTIVE, REDUCING (closing orders only) or HALTED");
        var statusJson = CliOptions.Json();
        var status = new Command("status", "Show the trading state and the circuit breaker") { statusJson };
        CliAction.Set(status, overrides, async (services, parse, cancellationToken) =>
        {
            Print(await services.Get<ITradingControls>().GetAsync(cancellationToken).ConfigureAwait(false), parse.GetValue(statusJson));
            return CliAction.Ok;
        });
        trading.Add(status);
        trading.Add(Switch(overrides, "halt", TradingState.Halted, "Stop opening anything (closing orders still run)"));
        trading.Add(Switch(overrides, "reduce", TradingState.Reducing, "Allow closing orders only"));
        trading.Add(Switch(overrides, "resume", TradingState.Active, "Allow opening orders again"));
        return trading;
    }

    public static Command Risk(IReadOnlyList<string> overrides)
    {
        var json = CliOptions.Json();
        var reset = new Command("reset", "Reset a tripped circuit breaker (after its cooldown)") { json };
        CliAction.Set(reset, overrides, async (services, parse, cancellationToken) =>
        {
            var now = services.Get<TimeProvider>().GetUtcNow();
            Print(await services.Get<ITradingControls>().ResetBreakerAsync(CliActor, now, cancellationToken).ConfigureAwait(false), parse.GetValue(json));
            return CliAction.Ok;
        });
        return new Command("risk", "Portfolio risk and the pre-trade risk controls")
        {
            RiskCommands.Report(overrides),
            RiskCommands.Stress(overrides),
            new Command("breaker", "The circuit breaker") { reset },
        };
    }

    private static Command Switch(IReadOnlyList<string> overrides, string name, TradingState state, string description)
    {
        var reason = new Option<string?>("--reason") { Description = "Why (kept in the audit trail and the alert)" };
        var json = CliOptions.Json();
        var command = new Command(name, description) { reason, json };
        CliAction.Set(command, overrides, async (services, parse, cancellationToken) =>
        {
            var now = services.Get<TimeProvider>().GetUtcNow();
            var controls = await services.Get<ITradingControls>().SetStateAsync(state, parse.GetValue(reason), CliActor, now, cancellationToken).ConfigureAwait(false);
            Print(controls, parse.GetValue(json));
            return CliAction.Ok;
        });
        return command;
    }

    private static void Print(TradingControls controls, bool json)
    {
        var breaker = controls.Breaker;
        if (json)
        {
            CliOutput.Json(TradingStatusJson.Of(controls));
            return;
        }

        Console.Out.WriteLine($"trading: {controls.State.ToCode()}{(controls.Reason is null ? "" : $" ({controls.Reason})")}" +
            (controls.ChangedBy is null ? "" : $", set by {controls.ChangedBy} at {CliOutput.Format(controls.ChangedAt)}"));
        Console.Out.WriteLine(breaker.IsTripped
            ? $"circuit breaker: TRIPPED ({breaker.TripReason?.ToCode()}) at {CliOutput.Format(breaker.TrippedAt)}"
            : $"circuit breaker: closed ({breaker.ConsecutiveLosses} losing close(s), {breaker.ConsecutiveErrors} execution error(s) in a row)");
    }
}
