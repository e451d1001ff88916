using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Pricing;

namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// Full revaluation: the holder's value of a position in dollars, every option leg priced by Black-Scholes-Merton
/// at its own implied volatility. P&amp;L under a shock is the shocked value minus the unshocked one, both from
/// the model, so the model's error in today's price cancels instead of showing up as a scenario loss.
/// </summary>
public sealed class Revaluation(double riskFreeRate, Func<string, double> dividendYield)
{
    public double RiskFreeRate => riskFreeRate;

    public double DividendYieldOf(string underlying) => dividendYield(underlying);

    public double Value(RiskPosition position, MarketShock shock)
    {
        var spot = position.Spot * shock.SpotFactor(position.Underlying);
        var value = position.ShareUnits * spot;
        var q = dividendYield(position.Underlying);
        foreach (var leg in position.Legs)
        {
            // A leg that expires inside the horizon is worth its intrinsic value (BlackScholes at T = 0).
            var years = Math.Max(leg.Years - (shock.DaysForward / 365.0), 0);
            var price = BlackScholes.Value(leg.Right, spot, leg.Strike, years, riskFreeRate, q, leg.ImpliedVolatility * shock.VolatilityFactor).Price;
            value += leg.Units * price;
        }

        return value;
    }

    public double Pnl(RiskPosition position, MarketShock shock) =>
        Value(position, shock) - Value(position, MarketShock.Uniform(1));

    public double Pnl(IReadOnlyList<RiskPosition> positions, MarketShock shock) => positions.Sum(p => Pnl(p, shock));

    /// <summary>Dollar Greeks from the model at today's market (see <see cref="DollarGreeks"/> for units).</summary>
    public DollarGreeks Greeks(RiskPosition position)
    {
        var (delta, gamma, theta, vega) = Units(position);
        var s = position.Spot;
        return new DollarGreeks(delta * s, gamma * s * s / 100, theta, vega);
    }

    /// <summary>The same Greeks in the underlying's units (per 1 of it, times shares), to 6 decimals as marks store them.</summary>
    public PositionGreeks UnitGreeks(RiskPosition position)
    {
        var (delta, gamma, theta, vega) = Units(position);
        return new PositionGreeks(RiskRounding.Ratio(delta), RiskRounding.Ratio(gamma), RiskRounding.Ratio(theta), RiskRounding.Ratio(vega));
    }

    /// <summary>One leg's vega in dollars per volatility point, signed from the holder's side.</summary>
    public double Vega(RiskPosition position, RiskLeg leg) => leg.Units * Leg(position, leg).Vega;

    private (double Delta, double Gamma, double Theta, double Vega) Units(RiskPosition position)
    {
        double delta = position.ShareUnits, gamma = 0, theta = 0, vega = 0;
        foreach (var leg in position.Legs)
        {
            var v = Leg(position, leg);
            delta += leg.Units * v.Delta;
            gamma += leg.Units * v.Gamma;
            theta += leg.Units * v.Theta;
            vega += leg.Units * v.Vega;
        }

        return (delta, gamma, theta, vega);
    }

    private OptionValuation Leg(RiskPosition position, RiskLeg leg) =>
        BlackScholes.Value(leg.Right, position.Spot, leg.Strike, Math.Max(leg.Years, 0), riskFreeRate, dividendYield(position.Underlying), leg.ImpliedVolatility);
}
