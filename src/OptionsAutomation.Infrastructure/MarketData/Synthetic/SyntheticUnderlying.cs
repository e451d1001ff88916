using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Pricing;

namespace OptionsAutomation.Infrastructure.MarketData.Synthetic;

/// <summary>
/// One synthetic underlying: its price path, its volatility smile and the quotes priced from them with
/// Black–Scholes–Merton. Model arithmetic is double; prices leave it as decimals on the penny tick.
/// </summary>
internal sealed class SyntheticUnderlying
{
    /// <summary>Open interest near the money before the random factor; monthlies carry three times as much.</summary>
    private const double AtTheMoneyOpenInterest = 20_000;

    private const double MinimumVolatility = 0.05;
    private const double DaysPerYear = 365;

    private readonly SyntheticUnderlyingSettings _settings;
    private readonly double _riskFreeRate;
    private readonly CounterRandom _random;
    private readonly PricePath _path;

    // Spots of the last minutes asked: an exit sweep quotes every leg at the same minute, and the path behind a spot
    // costs a day's minute draws. Sixteen minutes cover the worker's jobs, the web API and a sweep asking at once.
    private readonly RecentValues<decimal> _spots = new(16);

    public SyntheticUnderlying(string symbol, SyntheticUnderlyingSettings settings, long seed, double riskFreeRate, CorrelatedNormal shocks)
    {
        Symbol = symbol;
        _settings = settings;
        _riskFreeRate = riskFreeRate;
        _random = new CounterRandom(seed, symbol);
        _path = new PricePath(shocks, (double)settings.Price, settings.Volatility, settings.Drift);
    }

    public string Symbol { get; }

    public decimal StrikeIncrement => _settings.StrikeIncrement;

    /// <summary>The spot at a minute, on the penny tick like a traded price.</summary>
    public decimal Spot(long minute) => _spots.GetOrAdd(minute, _path, static (path, m) => Math.Round((decimal)path.At(m), 2));

    public UnderlyingQuote Quote(long minute, DateTimeOffset timestamp)
    {
        var spot = Spot(minute);
        return new UnderlyingQuote(Symbol, spot, spot - QuoteSpread.Tick, spot + QuoteSpread.Tick, timestamp);
    }

    /// <summary>
    /// The smile: IV = ATM − Skew·x + Smile·x² in log-moneyness x = ln(K/S), floored at 5%. Its slope −Skew + 2·Smile·x
    /// stays negative up to the highest chain strike (x = ln 1.25) while Smile &lt; 2.2·Skew, as in every default, so
    /// a lower strike always carries a higher volatility, as equity index options do.
    /// </summary>
    public double ImpliedVolatility(decimal spot, decimal strike)
    {
        var x = LogMoneyness(spot, strike);
        return Math.Max(MinimumVolatility, _settings.Volatility - (_settings.Skew * x) + (_settings.Smile * x * x));
    }

    /// <summary>The quote of <paramref name="contract"/>, which expires at <paramref name="expiresAt"/> (16:00 New York on its day).</summary>
    public OptionQuote Option(OptionContract contract, DateTimeOffset expiresAt, decimal spot, DateTimeOffset timestamp)
    {
        var years = (expiresAt - timestamp).TotalDays / DaysPerYear;
        var volatility = ImpliedVolatility(spot, contract.Strike);
        var valuation = BlackScholes.Value(
            contract.Right, (double)spot, (double)contract.Strike, years, _riskFreeRate, _settings.DividendYield, volatility);
        var (bid, ask) = QuoteSpread.Around(valuation.Price, (double)spot, LogMoneyness(spot, contract.Strike));
        return new OptionQuote(contract, bid, ask, Last: null, timestamp, spot, volatility, valuation.Delta, OpenInterest(contract, spot));
    }

    /// <summary>Deterministic per contract: highest at the money, thinning away from it, heavier on monthlies.</summary>
    private long OpenInterest(OptionContract contract, decimal spot)
    {
        var x = LogMoneyness(spot, contract.Strike);
        var monthly = MonthlyExpiration.IsThirdFriday(contract.Expiration) ? 3 : 1;
        var key = ((long)contract.Expiration.DayNumber << 32) ^ decimal.ToInt64(contract.Strike * 100m) ^ ((long)contract.Right << 62);
        var noise = 0.5 + _random.Uniform(RandomStream.OpenInterest, key);
        return (long)Math.Round(AtTheMoneyOpenInterest * monthly * noise * Math.Exp(-(x * x) / 0.01));
    }

    private static double LogMoneyness(decimal spot, decimal strike) => Math.Log((double)strike / (double)spot);
}
