using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Pricing;

namespace OptionsAutomation.Core.Backtest;

/// <summary>
/// An end-of-day SPY option chain made from a session's close, VIX and rate, for the days no real chain covers.
/// Expirations are <see cref="ListedExpirations"/>, strikes <see cref="ListedStrikes"/> on SPY's $1 grid; each option
/// is priced by <see cref="BlackScholes"/> at the volatility of <see cref="ChainModelParameters"/> and quoted inside a
/// penny-rounded spread (bid rounded down, ask up, so the model value lies inside). Time to expiry counts calendar days
/// from the session to the expiration (ACT/365), as the fit did. The same inputs always give the same chain.
/// <para>
/// No static arbitrage, at any VIX and term: a put's value is read from the <see cref="PutCurve"/> of its expiration,
/// the lower convex hull of the surface's put values at every dollar strike from half to one and a half times the
/// close (further out when the option's strike is), and a call's from the same put by put–call parity. Put values
/// therefore rise with the strike, no faster than the discount factor, convexly; calls mirror them. A fitted smile
/// extrapolated to VIX 64 would otherwise price a lower strike's put above a higher one's (issue 13). The quote's
/// implied volatility and delta stay the surface's.
/// </para>
/// </summary>
public sealed class SyntheticChainModel(ChainModelParameters parameters, NyseCalendar calendar)
{
    /// <summary>SPY lists strikes a dollar apart.</summary>
    public const decimal StrikeIncrement = 1m;

    /// <summary>SPY options have quoted in pennies since the penny pilot; earlier, wider ticks are not modelled.</summary>
    public const decimal Tick = 0.01m;

    /// <summary>The put curves span strikes from this share of the close …</summary>
    private const double CurveLowest = 0.5;

    /// <summary>… to this share.</summary>
    private const double CurveHighest = 1.5;

    private readonly ListedExpirations _expirations = new(calendar);

    /// <summary>The curves of the last day asked for (a chain and then its legs' quotes reuse them).</summary>
    private readonly Dictionary<(DateOnly Expiration, int Lowest, int Highest), PutCurve> _curves = [];
    private readonly Lock _curvesGate = new();
    private MarketDay? _curvesDay;

    public ChainModelParameters Parameters => parameters;

    /// <summary>Every listed put and call within the strike band, puts first, by expiration then strike.</summary>
    /// <exception cref="ArgumentException"><paramref name="day"/> is not an NYSE session.</exception>
    public OptionChain Chain(string underlying, MarketDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        var timestamp = CloseOf(day);
        var strikes = ListedStrikes.Around(day.Close, StrikeIncrement);
        var quotes = new List<OptionQuote>();
        foreach (var expiration in _expirations.After(day.Date))
        {
            foreach (var right in (OptionRight[])[OptionRight.Put, OptionRight.Call])
            {
                quotes.AddRange(strikes.Select(k => Price(new OptionContract(underlying, expiration, right, k), day, timestamp)));
            }
        }

        return new OptionChain(underlying, day.Close, timestamp, quotes);
    }

    /// <summary>One option's quote at the session's close, listed or not (a position's leg stays quotable).</summary>
    /// <exception cref="ArgumentException"><paramref name="day"/> is not an NYSE session, or the option expires on or before it.</exception>
    public OptionQuote Quote(OptionContract contract, MarketDay day)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(day);
        return contract.Expiration > day.Date
            ? Price(contract, day, CloseOf(day))
            : throw new ArgumentException($"{contract.OccSymbol} expires on or before {day.Date:yyyy-MM-dd}: it has no quote at that close.", nameof(contract));
    }

    /// <summary>
    /// An option on its expiration day, at that session's close: worth its intrinsic value (no time is left), quoted
    /// inside the same spread as any other. A position due to close that day can still be closed at the close.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="day"/> is not the option's expiration or not an NYSE session.</exception>
    public OptionQuote QuoteAtExpiration(OptionContract contract, MarketDay day)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(day);
        if (contract.Expiration != day.Date)
        {
            throw new ArgumentException($"{contract.OccSymbol} does not expire on {day.Date:yyyy-MM-dd}.", nameof(contract));
        }

        var intrinsic = contract.Right == OptionRight.Put ? Math.Max(0m, contract.Strike - day.Close) : Math.Max(0m, day.Close - contract.Strike);
        var (bid, ask) = Spread((double)intrinsic);
        double delta = intrinsic > 0m ? (contract.Right == OptionRight.Put ? -1.0 : 1.0) : 0.0;
        return new OptionQuote(contract, bid, ask, Last: null, CloseOf(day), day.Close, ImpliedVolatility: null, delta, OpenInterest: null);
    }

    /// <summary>The surface's volatility for a strike and a term (see <see cref="ChainModelParameters"/>).</summary>
    public double Volatility(MarketDay day, decimal strike, int days)
    {
        ArgumentNullException.ThrowIfNull(day);
        var point = SurfacePoint.Of((double)day.Close, (double)strike, days, day.Rate, parameters.DividendYield, (double)day.Vix);
        var x = Math.Clamp(point.Moneyness, parameters.MinMoneyness, parameters.MaxMoneyness);
        var term = SurfacePoint.TermOf(Math.Clamp(days, parameters.MinDays, parameters.MaxDays));
        var logRatio = parameters.Level + (parameters.TermSlope * term) + (parameters.Skew * x) + (parameters.Smile * x * x);
        return (double)day.Vix / 100 * Math.Exp(logRatio);
    }

    private OptionQuote Price(OptionContract contract, MarketDay day, DateTimeOffset timestamp)
    {
        var days = contract.Expiration.DayNumber - day.Date.DayNumber;
        var (spot, strike, years) = ((double)day.Close, (double)contract.Strike, SurfacePoint.Years(days));
        var volatility = Volatility(day, contract.Strike, days);
        var surface = BlackScholes.Value(contract.Right, spot, strike, years, day.Rate, parameters.DividendYield, volatility);
        var put = CurveOf(day, contract.Expiration, strike).ValueAt(strike);
        var value = contract.Right == OptionRight.Put
            ? put
            : Math.Max(0, put + (spot * Math.Exp(-parameters.DividendYield * years)) - (strike * Math.Exp(-day.Rate * years)));
        var (bid, ask) = Spread(value);
        return new OptionQuote(contract, bid, ask, Last: null, timestamp, day.Close, volatility, surface.Delta, OpenInterest: null);
    }

    private PutCurve CurveOf(MarketDay day, DateOnly expiration, double strike)
    {
        var spot = (double)day.Close;
        var lowest = Math.Max(1, (int)Math.Floor(Math.Min(spot * CurveLowest, strike) / (double)StrikeIncrement));
        var highest = (int)Math.Ceiling(Math.Max(spot * CurveHighest, strike) / (double)StrikeIncrement);
        var key = (expiration, lowest, highest);
        lock (_curvesGate)
        {
            if (_curvesDay != day)
            {
                _curves.Clear();
                _curvesDay = day;
            }

            if (!_curves.TryGetValue(key, out var curve))
            {
                curve = SurfaceCurve(day, expiration, lowest, highest);
                _curves.Add(key, curve);
            }

            return curve;
        }
    }

    private PutCurve SurfaceCurve(MarketDay day, DateOnly expiration, int lowest, int highest)
    {
        var days = expiration.DayNumber - day.Date.DayNumber;
        var strikes = new double[highest - lowest + 1];
        var values = new double[strikes.Length];
        for (var i = 0; i < strikes.Length; i++)
        {
            var strike = (lowest + i) * StrikeIncrement;
            strikes[i] = (double)strike;
            // Rounding can leave a worthless put a hair below zero, which the curve would refuse.
            values[i] = Math.Max(0, BlackScholes.Value(
                OptionRight.Put, (double)day.Close, strikes[i], SurfacePoint.Years(days), day.Rate, parameters.DividendYield, Volatility(day, strike, days)).Price);
        }

        return PutCurve.Of(strikes, values);
    }

    /// <summary>A spread of SpreadBase + SpreadPerDollar·value (at least a tick) around the value, rounded outwards to the tick.</summary>
    private (decimal Bid, decimal Ask) Spread(double value)
    {
        var width = Math.Max((double)Tick, parameters.SpreadBase + (parameters.SpreadPerDollar * value));
        var bid = (decimal)Math.Floor((value - (width / 2)) / (double)Tick) * Tick;
        var ask = (decimal)Math.Ceiling((value + (width / 2)) / (double)Tick) * Tick;
        return (Math.Max(0m, bid), Math.Max(Tick, ask));
    }

    private DateTimeOffset CloseOf(MarketDay day) =>
        calendar.SessionOn(day.Date)?.Close ?? throw new ArgumentException($"{day.Date:yyyy-MM-dd} is not an NYSE session.", nameof(day));
}
