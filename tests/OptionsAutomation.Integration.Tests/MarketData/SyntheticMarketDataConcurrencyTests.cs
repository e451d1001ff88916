using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Infrastructure.MarketData.Synthetic;

namespace OptionsAutomation.Integration.Tests.MarketData;

/// <summary>
/// The synthetic market's caches (a symbol's recent spots, a date's listed expirations) under threads asking at once:
/// the worker's jobs, the web API and a sweep share one market.
/// </summary>
public sealed class SyntheticMarketDataConcurrencyTests
{
    private const int Threads = 8;
    private const int Rounds = 4;

    private static readonly SyntheticMarketDataSettings Defaults = new();

    // Friday 2026-02-20 10:00 New York (EST).
    private static readonly DateTimeOffset FridayMorning = new(2026, 2, 20, 15, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// 40 minutes of one morning (more than the 16 spots a symbol keeps, so threads evict each other's), some asked mid-minute,
    /// the same minutes a day and a week earlier (the path keeps one day's walk), and Friday 16:00, when that day's
    /// expiration leaves the listing.
    /// </summary>
    private static readonly DateTimeOffset[] Instants =
    [
        .. Enumerable.Range(0, 40).Select(m => FridayMorning.AddMinutes(m).AddSeconds(m % 3 * 20)),
        .. Enumerable.Range(0, 5).Select(m => FridayMorning.AddDays(-1).AddMinutes(m)),
        .. Enumerable.Range(0, 5).Select(m => FridayMorning.AddDays(-7).AddMinutes(m)),
        FridayMorning.AddHours(6).AddTicks(-1),
        FridayMorning.AddHours(6),
    ];

    private static readonly OptionContract[] Contracts =
    [
        new("SPY", new DateOnly(2026, 2, 20), OptionRight.Put, 560m),
        new("SPY", new DateOnly(2026, 3, 20), OptionRight.Call, 600m),
        new("QQQ", new DateOnly(2026, 2, 27), OptionRight.Put, 480m),
        new("IWM", new DateOnly(2026, 4, 17), OptionRight.Put, 200m),
    ];

    private static readonly string[] Symbols = ["SPY", "QQQ", "IWM"];

    [Fact]
    public async Task ManyThreads_GetTheAnswersOfOneThread()
    {
        var questions = Questions();
        var expected = await AnswersAsync(new SyntheticMarketData(Defaults), questions);
        Assert.Contains(expected, a => a.EndsWith("null", StringComparison.Ordinal)); // Friday's expiration, asked at 16:00.
        Assert.Contains(expected, a => a.StartsWith("option", StringComparison.Ordinal) && !a.EndsWith("null", StringComparison.Ordinal));

        var shared = new SyntheticMarketData(Defaults);
        var answers = new List<(int Question, string Answer)>[Threads];
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            // Each thread asks every question, in its own order, so threads ask the same minute and different ones at once.
            var order = Enumerable.Range(0, expected.Count).OrderBy(q => (q * 7919 + t * 104729) % expected.Count).ToArray();
            answers[t] = [];
            start.SignalAndWait();
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var q in order)
                {
                    answers[t].Add((q, questions[q](shared).AsTask().GetAwaiter().GetResult()));
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        foreach (var (question, answer) in answers.SelectMany(a => a))
        {
            Assert.Equal(expected[question], answer);
        }

        Assert.Equal(Threads * Rounds * expected.Count, answers.Sum(a => a.Count));
    }

    private static IReadOnlyList<Func<SyntheticMarketData, ValueTask<string>>> Questions() =>
    [
        .. Instants.SelectMany(instant => Contracts.Select(contract => (Func<SyntheticMarketData, ValueTask<string>>)(async market =>
            $"option {contract} {instant:O} {Describe(await market.GetOptionQuoteAsync(contract, instant, CancellationToken.None))}"))),
        .. Instants.SelectMany(instant => Symbols.Select(symbol => (Func<SyntheticMarketData, ValueTask<string>>)(async market =>
            $"underlying {symbol} {instant:O} {(await market.GetUnderlyingQuoteAsync(symbol, instant, CancellationToken.None))?.ToString() ?? "null"}"))),
        .. Instants.Where((_, i) => i % 10 == 0).Select(instant => (Func<SyntheticMarketData, ValueTask<string>>)(async market =>
        {
            var chain = await market.GetChainAsync("QQQ", instant, CancellationToken.None);
            return $"chain {instant:O} {chain?.UnderlyingPrice} {chain?.Timestamp:O} {string.Join(';', chain?.Quotes.Select(Describe) ?? [])}";
        })),
    ];

    private static async Task<List<string>> AnswersAsync(SyntheticMarketData market, IReadOnlyList<Func<SyntheticMarketData, ValueTask<string>>> questions)
    {
        var answers = new List<string>();
        foreach (var question in questions)
        {
            answers.Add(await question(market));
        }

        return answers;
    }

    private static string Describe(OptionQuote? quote) => quote?.ToString() ?? "null";
}
