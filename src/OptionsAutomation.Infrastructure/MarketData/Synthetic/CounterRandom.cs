namespace OptionsAutomation.Infrastructure.MarketData.Synthetic;

/// <summary>
/// Counter-based random numbers: each draw is a hash of (seed, symbol, stream, counter), so any draw can be
/// made on its own, in any order, by any thread, and is the same every time. The hash is SplitMix64's
/// finaliser (Steele, Lea and Flood, 2014), which passes BigCrush on consecutive counters.
/// </summary>
internal readonly struct CounterRandom
{
    private readonly ulong _key;

    public CounterRandom(long seed, string symbol) => _key = Mix(unchecked((ulong)seed) ^ Mix(Fnv1a(symbol)));

    /// <summary>Uniform in the open interval (0, 1).</summary>
    public double Uniform(RandomStream stream, long counter) => ToOpenUnit(Hash(stream, counter, 0));

    /// <summary>Standard normal, by Box–Muller from two independent uniforms of the same counter.</summary>
    public double Normal(RandomStream stream, long counter)
    {
        var u1 = ToOpenUnit(Hash(stream, counter, 0));
        var u2 = ToOpenUnit(Hash(stream, counter, 1));
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private ulong Hash(RandomStream stream, long counter, ulong lane) =>
        Mix(unchecked(_key ^ Mix(((ulong)stream << 1) | lane) ^ Mix((ulong)counter)));

    // The top 53 bits, centred in their interval, so neither 0 (log would be infinite) nor 1 can come out.
    private static double ToOpenUnit(ulong bits) => ((bits >> 11) + 0.5) * (1.0 / (1UL << 53));

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A stable string hash: <see cref="string.GetHashCode()"/> changes from process to process.</summary>
    private static ulong Fnv1a(string text)
    {
        unchecked
        {
            var hash = 0xCBF29CE484222325UL;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 0x100000001B3UL;
            }

            return hash;
        }
    }
}

/// <summary>Separate streams keep the daily moves, the minute moves and the open interest independent.</summary>
internal enum RandomStream
{
    DailyMove = 1,
    MinuteMove = 2,
    OpenInterest = 3,
}
