using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Pricing;

namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// Every leg of the book on one contract at one spot and volatility, their units summed, priced by Black–Scholes–Merton
/// for the price alone: what is fixed across Monte Carlo paths — the discount factors, the log forward moneyness, σ√T,
/// today's price — is computed once, so a path costs two Φ and no exponential or logarithm.
/// </summary>
/// <remarks>
/// A spot move by the log return x gives ln(S·eˣ/K) = ln(S/K) + x, so d₁,₂ = (ln(F/K) + x)/(σ√T) ± σ√T/2 needs only the
/// path's x (its eˣ is computed once per underlying per path). The formula and its σ√T = 0 limit are those of
/// <see cref="BlackScholes"/>, which also prices the Greeks; the P&amp;L is this price at x minus this price at 0, so the
/// two routines' last-bit differences never enter a figure.
/// </remarks>
internal readonly struct ContractGroup
{
    private readonly double _omega;
    private readonly double _discountedSpot;
    private readonly double _discountedStrike;
    private readonly double _logForwardMoneyness;
    private readonly double _totalVolatility;
    private readonly double _basePrice;

    public ContractGroup(int underlying, OptionRight right, double spot, double strike, double years, double rate, double dividendYield, double volatility, double units)
    {
        // The same checks and discount factors as BlackScholes: an input it would refuse is refused here too.
        var expiry = PricingInputs.Expiry(spot, strike, years, rate, dividendYield);
        PricingInputs.RequireNonNegative(volatility, nameof(volatility));
        Underlying = underlying;
        Units = units;
        _omega = right == OptionRight.Call ? 1 : -1;
        _discountedSpot = spot * expiry.SpotDiscount;
        _discountedStrike = strike * expiry.StrikeDiscount;
        _logForwardMoneyness = Math.Log(spot / strike) + expiry.Carry;
        _totalVolatility = volatility * expiry.SqrtYears;
        _basePrice = PriceAt(0, 1);
    }

    /// <summary>Index of the underlying in the covariance model.</summary>
    public int Underlying { get; }

    /// <summary>The holder's signed share count summed over the group's legs.</summary>
    public double Units { get; }

    /// <summary>The group's P&amp;L in dollars when its underlying moves by the log return <paramref name="logReturn"/> (factor eˣ given).</summary>
    public double Pnl(double logReturn, double spotFactor) => Units * (PriceAt(logReturn, spotFactor) - _basePrice);

    private double PriceAt(double logReturn, double spotFactor)
    {
        var discountedSpot = _discountedSpot * spotFactor;
        if (_totalVolatility == 0)
        {
            return Math.Max(_omega * (discountedSpot - _discountedStrike), 0);
        }

        var h = (_logForwardMoneyness + logReturn) / _totalVolatility;
        var spotWeight = NormalDistribution.Cdf(_omega * (h + (_totalVolatility / 2)));
        var strikeWeight = NormalDistribution.Cdf(_omega * (h - (_totalVolatility / 2)));
        return _omega * ((discountedSpot * spotWeight) - (_discountedStrike * strikeWeight));
    }
}
