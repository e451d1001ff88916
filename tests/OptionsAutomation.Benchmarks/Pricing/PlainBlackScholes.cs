using MathNet.Numerics.Distributions;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Pricing;

namespace OptionsAutomation.Benchmarks.Pricing;

/// <summary>
/// The textbook Black–Scholes–Merton price and Greeks over MathNet.Numerics' normal distribution, in the units of
/// <see cref="OptionValuation"/>: the reference issue 15 measures <see cref="BlackScholes.Value"/> against. Only for
/// σ√T above 0 and valid inputs (it checks nothing); <see cref="BlackScholesBenchmarks"/> checks it agrees with Core's.
/// </summary>
public static class PlainBlackScholes
{
    public static OptionValuation Value(OptionRight right, double spot, double strike, double years, double rate, double dividendYield, double volatility)
    {
        var omega = right == OptionRight.Call ? 1.0 : -1.0;
        var sqrtYears = Math.Sqrt(years);
        var d1 = (Math.Log(spot / strike) + ((rate - dividendYield + (volatility * volatility / 2)) * years)) / (volatility * sqrtYears);
        var d2 = d1 - (volatility * sqrtYears);
        var spotDiscount = Math.Exp(-dividendYield * years);
        var strikeDiscount = Math.Exp(-rate * years);
        var spotWeight = Normal.CDF(0, 1, omega * d1);
        var strikeWeight = Normal.CDF(0, 1, omega * d2);
        var density = Normal.PDF(0, 1, d1);

        var price = omega * ((spot * spotDiscount * spotWeight) - (strike * strikeDiscount * strikeWeight));
        var delta = omega * spotDiscount * spotWeight;
        var gamma = spotDiscount * density / (spot * volatility * sqrtYears);
        var vega = spot * spotDiscount * density * sqrtYears;
        var theta = (-spot * spotDiscount * density * volatility / (2 * sqrtYears))
            + (omega * ((dividendYield * spot * spotDiscount * spotWeight) - (rate * strike * strikeDiscount * strikeWeight)));
        var rho = omega * strike * years * strikeDiscount * strikeWeight;
        return new OptionValuation(price, delta, gamma, vega / 100, theta / 365, rho / 100);
    }
}
