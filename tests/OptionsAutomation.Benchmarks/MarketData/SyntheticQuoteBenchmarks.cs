using BenchmarkDotNet.Attributes;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Infrastructure.MarketData.Synthetic;

namespace OptionsAutomation.Benchmarks.MarketData;

/// <summary>
/// The exit sweep's pattern on the default synthetic market: the quotes of 100 open two-legged positions (SPY, QQQ and
/// IWM verticals over the listed expirations), all at one minute. Per leg: the cached path (the minute already asked);
/// a minute not in the cache (each call the next of 32 minutes, twice the spots a symbol keeps, so the spot is computed
/// once per symbol and call); and a day not in the path's cache (calls alternate between Friday and Thursday 10:00, so
/// each symbol draws its day's 1,440 minute shocks once per call — before the spot cache, every quote paid that while
/// two days were asked in turn), against the floor of a dictionary lookup of the same quotes computed beforehand, copied with the minute's stamp.
/// </summary>
public class SyntheticQuoteBenchmarks
{
    private const int Positions = 100;
    private const int Legs = 2 * Positions;

    // Friday 2026-02-20 10:00 New York, a sweep's minute seven weeks after the synthetic origin.
    private static readonly DateTimeOffset SweepMinute = new(2026, 2, 20, 15, 0, 0, TimeSpan.Zero);

    private readonly SyntheticMarketData _market = new(new SyntheticMarketDataSettings());
    private OptionContract[] _legs = [];
    private Dictionary<OptionContract, OptionQuote> _precomputed = [];
    private const int MinutesCycled = 32;

    private int _calls;

    /// <summary>Short puts 5% below the spot, long puts 10 strikes lower, spread over the symbols and expirations.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var legs = new List<OptionContract>();
        string[] symbols = ["SPY", "QQQ", "IWM"];
        var chains = symbols.Select(s => _market.GetChainAsync(s, SweepMinute, CancellationToken.None).AsTask().GetAwaiter().GetResult()
            ?? throw new InvalidOperationException($"no synthetic chain for {s}")).ToArray();
        for (var i = 0; i < Positions; i++)
        {
            var chain = chains[i % chains.Length];
            var expirations = chain.Quotes.Select(q => q.Contract.Expiration).Distinct().Order().ToArray();
            var expiration = expirations[i % expirations.Length];
            var shortStrike = Math.Round(chain.UnderlyingPrice * 0.95m);
            legs.Add(new OptionContract(chain.Underlying, expiration, OptionRight.Put, shortStrike));
            legs.Add(new OptionContract(chain.Underlying, expiration, OptionRight.Put, shortStrike - 10m));
        }

        _legs = [.. legs];
        _precomputed = _legs.Distinct().ToDictionary(leg => leg, leg => Quote(leg, SweepMinute)
            ?? throw new InvalidOperationException($"{leg} is not quoted at {SweepMinute:O}"));
    }

    /// <summary>
    /// Every answer of the port is a new quote stamped at its minute, so the floor copies the precomputed one with the
    /// minute's stamp: what is left above it is the synthetic market's own work.
    /// </summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Legs, Description = "floor: dictionary lookup of a precomputed quote")]
    public decimal Precomputed()
    {
        var sum = 0m;
        foreach (var leg in _legs)
        {
            sum += (_precomputed[leg] with { Timestamp = SweepMinute }).Bid ?? 0m;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Legs, Description = "synthetic quote, minute already asked")]
    public decimal SameMinute() => QuoteAll(SweepMinute);

    [Benchmark(OperationsPerInvoke = Legs, Description = "synthetic quote, first of its minute")]
    public decimal NewMinute() => QuoteAll(SweepMinute.AddMinutes(++_calls % MinutesCycled));

    [Benchmark(OperationsPerInvoke = Legs, Description = "synthetic quote, first of its minute and day")]
    public decimal NewDay() => QuoteAll(SweepMinute.AddDays(-(++_calls % 2)));

    private decimal QuoteAll(DateTimeOffset asOf)
    {
        var sum = 0m;
        foreach (var leg in _legs)
        {
            sum += (Quote(leg, asOf) ?? throw new InvalidOperationException($"{leg} is not quoted at {asOf:O}")).Bid ?? 0m;
        }

        return sum;
    }

    // The synthetic market answers synchronously: the ValueTask is complete when it returns.
    private OptionQuote? Quote(OptionContract leg, DateTimeOffset asOf) =>
        _market.GetOptionQuoteAsync(leg, asOf, CancellationToken.None).Result;
}
