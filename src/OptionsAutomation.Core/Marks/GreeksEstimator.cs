using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Pricing;

namespace OptionsAutomation.Core.Marks;

/// <summary>
/// A position's Greeks from Black-Scholes-Merton at each leg's quoted implied volatility, with time to
/// expiry measured ACT/365 to 16:00 New York on the expiration date. Model arithmetic is double (a model
/// estimate, not money); the result is rounded to 6 decimals at the edge.
/// </summary>
public sealed class GreeksEstimator(PricingSettings settings)
{
    /// <returns>Null when a leg lacks a quote, an IV or an underlying price, or the options have expired.</returns>
    public PositionGreeks? Estimate(Position position, IReadOnlyList<OptionQuote?> legQuotes, DateTimeOffset asOf)
    {
        if (!position.IsOption)
        {
            // Shares: one delta each, nothing else.
            return new PositionGreeks(position.Quantity * position.Multiplier, 0m, 0m, 0m);
        }

        double delta = 0, gamma = 0, theta = 0, vega = 0;
        var dividendYield = settings.DividendYieldOf(position.Ticker);
        for (var i = 0; i < position.Legs.Count; i++)
        {
            var leg = position.Legs[i];
            var quote = legQuotes[i];
            var expiry = MarketTime.At(leg.Contract.Expiration, new TimeOnly(16, 0));
            var years = (expiry - asOf).TotalDays / 365.0;
            if (quote is null || quote.UnderlyingPrice <= 0m || years <= 0)
            {
                return null;
            }

            var spot = quote.UnderlyingPrice;
            var iv = LegVolatility.Of(leg.Contract, quote, years, settings);
            if (iv is null)
            {
                return null;
            }

            var value = BlackScholes.Value(leg.Contract.Right, (double)spot, (double)leg.Contract.Strike, years, settings.RiskFreeRate, dividendYield, iv.Value);
            // Short legs carry the opposite sign: the holder of a short put is long delta.
            var units = (leg.Side == LegSide.Short ? -1.0 : 1.0) * leg.Ratio * position.Quantity * position.Multiplier;
            delta += units * value.Delta;
            gamma += units * value.Gamma;
            theta += units * value.Theta;
            vega += units * value.Vega;
        }

        return new PositionGreeks(Round(delta), Round(gamma), Round(theta), Round(vega));
    }

    private static decimal Round(double value) => Math.Round((decimal)value, 6, MidpointRounding.AwayFromZero);
}
