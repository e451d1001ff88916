using System.CommandLine;
using System.CommandLine.Parsing;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Pricing;

namespace OptionsAutomation.Cli;

/// <summary>
/// <c>optauto price</c>: the Black–Scholes–Merton value and Greeks of a European option, or with <c>--implied-vol</c> the
/// volatility that explains a premium. Pure computation: it resolves no services and opens no database.
/// </summary>
internal static class PriceCommand
{
    public static Command Create(IReadOnlyList<string> overrides)
    {
        var type = new Option<string>("--type") { Description = "put or call", Required = true };
        type.AcceptOnlyFromAmong([.. DomainCodes.Codes<OptionRight>()]);
        var spot = CliOptions.Number<double>("--spot", "Price of the underlying", required: true);
        var strike = CliOptions.Number<double>("--strike", "Strike price", required: true);
        var years = CliOptions.Number<double>("--years", "Time to expiry in years (ACT/365, e.g. 30 days = 0.0822)", required: true);
        var rate = CliOptions.Number<double>("--rate", "Risk-free rate, continuously compounded (0.05 = 5%)", required: true);
        var dividend = CliOptions.Number<double>("--dividend", "Continuous dividend yield (0.013 = 1.3%)", defaultValue: 0d);
        var vol = CliOptions.Number<double>("--vol", "Volatility per year (0.20 = 20%); not with --implied-vol");
        var premium = CliOptions.Number<double>("--premium", "Option price per share to solve the volatility for (with --implied-vol)");
        var impliedVol = new Option<bool>("--implied-vol") { Description = "Solve for the volatility that prices the option at --premium" };
        var json = CliOptions.Json();
        var command = new Command("price", "Black-Scholes-Merton value and Greeks, or the implied volatility of a premium")
        {
            type, spot, strike, years, rate, dividend, vol, premium, impliedVol, json,
        };
        command.Validators.Add(result => RequireVolatilityOrPremium(result, vol, premium, impliedVol));

        CliAction.Set(command, overrides, (_, parse, _) =>
        {
            var right = DomainCodes.Parse<OptionRight>(parse.GetRequiredValue(type));
            var (s, k, t, r, q) = (parse.GetValue(spot), parse.GetValue(strike), parse.GetValue(years), parse.GetValue(rate), parse.GetValue(dividend));
            double? solved = parse.GetValue(impliedVol) ? ImpliedVolatility.Solve(right, parse.GetValue(premium), s, k, t, r, q) : null;
            var valuation = BlackScholes.Value(right, s, k, t, r, q, solved ?? parse.GetValue(vol));
            if (parse.GetValue(json))
            {
                // Plain doubles, unrounded: a script reads these back to full precision.
                if (solved is { } sigma)
                {
                    CliOutput.Json(new ImpliedValuation(sigma, valuation.Price, valuation.Delta, valuation.Gamma, valuation.Vega, valuation.Theta, valuation.Rho));
                }
                else
                {
                    CliOutput.Json(valuation);
                }
            }
            else
            {
                CliOutput.Valuation(valuation, solved);
            }

            return Task.FromResult(CliAction.Ok);
        });
        return command;
    }

    /// <summary>Exactly one source of volatility: <c>--vol</c>, or <c>--premium</c> with <c>--implied-vol</c>.</summary>
    private static void RequireVolatilityOrPremium(CommandResult result, Option<double> vol, Option<double> premium, Option<bool> impliedVol)
    {
        var hasVol = result.GetResult(vol) is not null;
        var hasPremium = result.GetResult(premium) is not null;
        if (result.GetValue(impliedVol))
        {
            if (!hasPremium)
            {
                result.AddError("--implied-vol needs --premium, the option price to solve the volatility for.");
            }

            if (hasVol)
            {
                result.AddError("--vol cannot be combined with --implied-vol, which solves for the volatility.");
            }
        }
        else
        {
            if (!hasVol)
            {
                result.AddError("--vol is required (or give --premium with --implied-vol to solve for it).");
            }

            if (hasPremium)
            {
                result.AddError("--premium is only used with --implied-vol, which solves for the volatility.");
            }
        }
    }

    /// <summary>The <c>--implied-vol --json</c> shape: the solved volatility and the valuation at it, in the units of <see cref="OptionValuation"/>.</summary>
    private sealed record ImpliedValuation(double ImpliedVol, double Price, double Delta, double Gamma, double Vega, double Theta, double Rho);
}
