using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Pricing;
using OptionsAutomation.Infrastructure.MarketData;
using OptionsAutomation.Infrastructure.MarketData.Synthetic;

namespace OptionsAutomation.Integration.Tests.MarketData;

/// <summary>The synthetic provider: deterministic for a seed, and quotes that look like a real index ETF's.</summary>
public sealed class SyntheticMarketDataTests
{
    private static readonly SyntheticMarketDataSettings Defaults = new();

    // Friday 2026-02-20 10:00 New York (EST), seven weeks after the origin.
    private static readonly DateTimeOffset FridayMorning = new(2026, 2, 20, 15, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset[] Instants =
    [
        Defaults.Origin,
        FridayMorning,
        FridayMorning.AddMinutes(1),
        FridayMorning.AddDays(40).AddHours(3.5),
        Defaults.Origin.AddDays(-200).AddMinutes(17),
        Defaults.Origin.AddYears(2),
    ];

    private static readonly SyntheticMarketData Market = new(Defaults);

    [Fact]
    public async Task SameSeed_GivesTheSameQuotes_WhateverTheOrderOfQuestions()
    {
        var first = new SyntheticMarketData(Defaults);
        var second = new SyntheticMarketData(Defaults);
        var contract = new OptionContract("SPY", new DateOnly(2026, 3, 20), OptionRight.Put, 560m);

        var forward = new List<(UnderlyingQuote?, OptionQuote?)>();
        foreach (var instant in Instants)
        {
            forward.Add((await first.GetUnderlyingQuoteAsync("SPY", instant, CancellationToken.None),
                await first.GetOptionQuoteAsync(contract, instant, CancellationToken.None)));
        }

        var shuffled = new Dictionary<DateTimeOffset, (UnderlyingQuote?, OptionQuote?)>();
        foreach (var instant in Instants.Reverse().OrderBy(i => i.Minute))
        {
            var option = await second.GetOptionQuoteAsync(contract, instant, CancellationToken.None);
            shuffled[instant] = (await second.GetUnderlyingQuoteAsync("SPY", instant, CancellationToken.None), option);
        }

        Assert.Equal(forward, Instants.Select(i => shuffled[i]));
        Assert.Equal(Instants.Length, forward.Count(f => f.Item1 is not null));
        Assert.Contains(forward, f => f.Item2 is not null);
    }

    [Fact]
    public async Task SameSeed_GivesTheSameChain()
    {
        var warmed = new SyntheticMarketData(Defaults);
        await warmed.GetUnderlyingQuoteAsync("QQQ", Defaults.Origin.AddYears(1), CancellationToken.None);

        var a = await warmed.GetChainAsync("QQQ", FridayMorning, CancellationToken.None);
        var b = await new SyntheticMarketData(Defaults).GetChainAsync("QQQ", FridayMorning, CancellationToken.None);

        Assert.Equal(a?.Quotes, b?.Quotes);
        Assert.Equal(a?.UnderlyingPrice, b?.UnderlyingPrice);
    }

    [Fact]
    public async Task AnotherSeed_GivesAnotherMarket()
    {
        var other = new SyntheticMarketData(Defaults with { Seed = Defaults.Seed + 1 });

        var ours = await Market.GetUnderlyingQuoteAsync("SPY", FridayMorning, CancellationToken.None);
        var theirs = await other.GetUnderlyingQuoteAsync("SPY", FridayMorning, CancellationToken.None);

        Assert.NotEqual(ours?.Last, theirs?.Last);
    }

    [Fact]
    public async Task Underlyings_StartAtTheirConfiguredPrices_AndMoveIndependently()
    {
        var spy = await Market.GetUnderlyingQuoteAsync("SPY", Defaults.Origin, CancellationToken.None);
        var qqq = await Market.GetUnderlyingQuoteAsync("QQQ", Defaults.Origin, CancellationToken.None);
        var iwm = await Market.GetUnderlyingQuoteAsync("IWM", Defaults.Origin, CancellationToken.None);

        Assert.Equal((580m, 579.99m, 580.01m), (spy?.Last, spy?.Bid, spy?.Ask));
        Assert.Equal((500m, 220m), (qqq?.Last, iwm?.Last));
        var later = await Task.WhenAll(new[] { "SPY", "QQQ", "IWM" }.Select(async s =>
            (await Market.GetUnderlyingQuoteAsync(s, FridayMorning, CancellationToken.None))!.Last));
        Assert.Equal(3, later.Select((p, i) => p / new[] { 580m, 500m, 220m }[i]).Distinct().Count());
    }

    [Fact]
    public async Task Quote_IsTheMinuteContainingTheInstant()
    {
        var start = await Market.GetUnderlyingQuoteAsync("SPY", FridayMorning, CancellationToken.None);
        var within = await Market.GetUnderlyingQuoteAsync("SPY", FridayMorning.AddSeconds(59.999), CancellationToken.None);
        var beforeOrigin = await Market.GetUnderlyingQuoteAsync("SPY", Defaults.Origin.AddSeconds(-30), CancellationToken.None);

        Assert.Equal(start, within);
        Assert.Equal(FridayMorning, within?.Timestamp);
        Assert.Equal(Defaults.Origin.AddMinutes(-1), beforeOrigin?.Timestamp);
    }

    [Fact]
    public async Task Walk_IsContinuous_AndHasTheConfiguredVolatility()
    {
        var closes = new List<double>();
        for (var day = -365; day <= 365; day++)
        {
            closes.Add((double)(await Market.GetUnderlyingQuoteAsync("SPY", Defaults.Origin.AddDays(day), CancellationToken.None))!.Last);
        }

        var returns = closes.Zip(closes.Skip(1), (a, b) => Math.Log(b / a)).ToList();
        var mean = returns.Average();
        var annualised = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1) * 365);
        var beforeOrigin = await Market.GetUnderlyingQuoteAsync("SPY", Defaults.Origin.AddMinutes(-1), CancellationToken.None);

        Assert.InRange(annualised, 0.14, 0.18); // configured 0.16; 730 daily returns estimate it within about ±5%
        Assert.InRange(beforeOrigin!.Last, 578m, 582m);
    }

    [Fact]
    public async Task DailyReturns_AreCorrelatedAsConfigured()
    {
        // 2,001 closes (16:00 New York in winter) from −1,000 to +1,000 days around the origin: the sampling error of a
        // correlation near 0.85 is (1 − ρ²)/√2000 ≈ 0.006, of one near 0 about 0.02.
        string[] symbols = ["SPY", "QQQ", "IWM"];
        var returns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            var closes = new double[2001];
            for (var day = -1000; day <= 1000; day++)
            {
                closes[day + 1000] = (double)(await Market.GetUnderlyingQuoteAsync(symbol, Defaults.Origin.AddDays(day).AddHours(6.5), CancellationToken.None))!.Last;
            }

            returns[symbol] = [.. closes.Zip(closes.Skip(1), (a, b) => Math.Log(b / a))];
        }

        foreach (var (a, b) in new[] { ("SPY", "QQQ"), ("SPY", "IWM"), ("QQQ", "IWM") })
        {
            Assert.InRange(Correlation(returns[a], returns[b]), Defaults.Correlation(a, b)!.Value - 0.03, Defaults.Correlation(a, b)!.Value + 0.03);
        }

        var independent = new SyntheticMarketData(Defaults with { Correlations = new Dictionary<string, IReadOnlyDictionary<string, double>>() });
        var spy = new double[201];
        var iwm = new double[201];
        for (var day = 0; day <= 200; day++)
        {
            spy[day] = (double)(await independent.GetUnderlyingQuoteAsync("SPY", Defaults.Origin.AddDays(day), CancellationToken.None))!.Last;
            iwm[day] = (double)(await independent.GetUnderlyingQuoteAsync("IWM", Defaults.Origin.AddDays(day), CancellationToken.None))!.Last;
        }

        Assert.InRange(Correlation([.. spy.Zip(spy.Skip(1), (x, y) => Math.Log(y / x))], [.. iwm.Zip(iwm.Skip(1), (x, y) => Math.Log(y / x))]), -0.2, 0.2);
    }

    [Fact]
    public void Correlations_ThatAreNoCorrelationMatrix_AreRefused_NamingTheKey()
    {
        var contradictory = Defaults with
        {
            Correlations = new Dictionary<string, IReadOnlyDictionary<string, double>>
            {
                ["SPY"] = new Dictionary<string, double> { ["QQQ"] = 0.95, ["IWM"] = 0.95 },
                ["QQQ"] = new Dictionary<string, double> { ["IWM"] = -0.9, ["SPY"] = 0.9 },
            },
        };

        Assert.Equal(
        [
            "MarketData:Synthetic:Correlations among IWM, QQQ, SPY is not a valid correlation matrix (not positive definite).",
            "MarketData:Synthetic:Correlations:QQQ:SPY is 0.9 but MarketData:Synthetic:Correlations:SPY:QQQ is 0.95; give a pair once.",
            "MarketData:Synthetic:Correlations:SPY:QQQ is 0.95 but MarketData:Synthetic:Correlations:QQQ:SPY is 0.9; give a pair once.",
        ], contradictory.Validate().Order(StringComparer.Ordinal));
        Assert.Throws<InvalidOperationException>(() => new SyntheticMarketData(contradictory));
    }

    private static double Correlation(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        var cov = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        return cov / Math.Sqrt(x.Sum(a => (a - mx) * (a - mx)) * y.Sum(b => (b - my) * (b - my)));
    }

    [Fact]
    public async Task Chain_ListsWeekliesForEightWeeks_AndMonthliesForSixMonths()
    {
        var chain = await Market.GetChainAsync("SPY", FridayMorning, CancellationToken.None);
        var afterTheClose = await Market.GetChainAsync("SPY", new DateTimeOffset(2026, 2, 20, 21, 0, 0, TimeSpan.Zero), CancellationToken.None);

        DateOnly[] expected =
        [
            new(2026, 2, 20), new(2026, 2, 27), new(2026, 3, 6), new(2026, 3, 13), new(2026, 3, 20), new(2026, 3, 27),
            new(2026, 4, 3), new(2026, 4, 10), new(2026, 4, 17), new(2026, 5, 15), new(2026, 6, 19), new(2026, 7, 17), new(2026, 8, 21),
        ];
        Assert.Equal(expected, chain!.Quotes.Select(q => q.Contract.Expiration).Distinct());
        Assert.Equal(expected[1..], afterTheClose!.Quotes.Select(q => q.Contract.Expiration).Distinct());
    }

    [Fact]
    public async Task Chain_HasPutsAndCallsOnAStrikeLadderAroundTheSpot()
    {
        var chain = (await Market.GetChainAsync("SPY", FridayMorning, CancellationToken.None))!;
        var spot = chain.UnderlyingPrice;
        var strikes = chain.Quotes.Select(q => q.Contract.Strike).Distinct().Order().ToList();

        Assert.Equal((chain.Quotes.Select(q => q.Contract.Expiration).Distinct().Count() * strikes.Count * 2), chain.Quotes.Count);
        Assert.All(strikes, k => Assert.InRange(k, spot * 0.75m, spot * 1.25m));
        Assert.All(strikes.Where(k => Math.Abs(k - spot) > spot * 0.10m), k => Assert.Equal(0m, k % 5m));
        Assert.Equal(
            Enumerable.Range(0, 1000).Select(i => (decimal)i).Where(k => Math.Abs(k - spot) <= spot * 0.10m),
            strikes.Where(k => Math.Abs(k - spot) <= spot * 0.10m));
        Assert.All(chain.Quotes, q => Assert.Equal((chain.Timestamp, spot), (q.Timestamp, q.UnderlyingPrice)));
        Assert.All(chain.Quotes.Where(q => Math.Abs(q.Contract.Strike - spot) < 5m), q => Assert.True(q.OpenInterest > 1000));
    }

    [Fact]
    public async Task Quotes_AreSane_AndTheModelValueIsInsideTheSpread()
    {
        var chain = (await Market.GetChainAsync("IWM", FridayMorning, CancellationToken.None))!;
        var iwm = Defaults.Underlyings["IWM"];

        Assert.All(chain.Quotes, q =>
        {
            Assert.True(q.Bid >= 0m && q.Bid <= q.Ask && q.Ask >= 0.01m, $"{q.Contract.OccSymbol}: {q.Bid}/{q.Ask}");
            Assert.Equal(0m, q.Bid!.Value % 0.01m);
            Assert.Equal(0m, q.Ask!.Value % 0.01m);
            var years = (EndOfDay.On(q.Contract.Expiration) - q.Timestamp).TotalDays / 365;
            var model = BlackScholes.Value(q.Contract.Right, (double)q.UnderlyingPrice, (double)q.Contract.Strike, years,
                Defaults.RiskFreeRate, iwm.DividendYield, q.ImpliedVolatility!.Value);
            Assert.InRange((decimal)model.Price, q.Bid.Value, q.Ask.Value);
            Assert.Equal(model.Delta, q.Delta);
            Assert.InRange(q.Delta!.Value, q.Contract.Right == OptionRight.Put ? -1 : 0, q.Contract.Right == OptionRight.Put ? 0 : 1);
        });
    }

    [Fact]
    public async Task Puts_GetCheaperAndCarryMoreVolatilityAsTheStrikeFalls()
    {
        var chain = (await Market.GetChainAsync("SPY", FridayMorning, CancellationToken.None))!;
        var monthly = chain.Quotes.Where(q => q.Contract.Expiration == new DateOnly(2026, 3, 20)).ToList();
        var puts = monthly.Where(q => q.Contract.Right == OptionRight.Put).OrderByDescending(q => q.Contract.Strike).ToList();
        var calls = monthly.Where(q => q.Contract.Right == OptionRight.Call).OrderByDescending(q => q.Contract.Strike).ToList();

        Assert.True(puts.Count > 50);
        Assert.All(puts.Zip(puts.Skip(1)), p =>
        {
            Assert.True(p.Second.Mid <= p.First.Mid, $"put {p.Second.Contract.Strike} mid {p.Second.Mid} above {p.First.Contract.Strike}'s {p.First.Mid}");
            Assert.True(p.Second.ImpliedVolatility > p.First.ImpliedVolatility, $"put {p.Second.Contract.Strike} IV not above {p.First.Contract.Strike}'s");
        });
        Assert.All(calls.Zip(calls.Skip(1)), c => Assert.True(c.Second.Mid >= c.First.Mid));
        Assert.True(puts[0].Mid > 100 * puts[^1].Mid, "a 25% in-the-money put is worth far more than a 25% out-of-the-money one");
    }

    [Fact]
    public async Task OptionQuote_IsTheChainsQuote()
    {
        var chain = (await Market.GetChainAsync("QQQ", FridayMorning.AddMinutes(7), CancellationToken.None))!;
        var fromChain = chain.Quotes[chain.Quotes.Count / 3];

        var single = await Market.GetOptionQuoteAsync(fromChain.Contract, FridayMorning.AddMinutes(7.5), CancellationToken.None);

        Assert.Equal(fromChain, single);
    }

    [Fact]
    public async Task OptionQuote_OutsideTheListing_IsNull()
    {
        var listed = new OptionContract("SPY", new DateOnly(2026, 3, 20), OptionRight.Put, 560m);

        Assert.NotNull(await Market.GetOptionQuoteAsync(listed, FridayMorning, CancellationToken.None));
        Assert.NotNull(await Market.GetOptionQuoteAsync(listed with { Strike = 200m }, FridayMorning, CancellationToken.None));
        Assert.Null(await Market.GetOptionQuoteAsync(listed with { Underlying = "TSLA" }, FridayMorning, CancellationToken.None));
        Assert.Null(await Market.GetOptionQuoteAsync(listed with { Strike = 560.5m }, FridayMorning, CancellationToken.None));
        Assert.Null(await Market.GetOptionQuoteAsync(listed with { Expiration = new DateOnly(2026, 3, 19) }, FridayMorning, CancellationToken.None));
        Assert.Null(await Market.GetOptionQuoteAsync(listed with { Expiration = new DateOnly(2026, 9, 18) }, FridayMorning, CancellationToken.None));
        Assert.Null(await Market.GetOptionQuoteAsync(listed, new DateTimeOffset(2026, 3, 20, 20, 0, 0, TimeSpan.Zero), CancellationToken.None));
        Assert.Null(await Market.GetChainAsync("TSLA", FridayMorning, CancellationToken.None));
        Assert.Null(await Market.GetUnderlyingQuoteAsync("TSLA", FridayMorning, CancellationToken.None));
    }

    [Fact]
    public void Settings_Invalid_NameEveryBadKey()
    {
        var settings = Defaults with
        {
            RiskFreeRate = double.NaN,
            Underlyings = new Dictionary<string, SyntheticUnderlyingSettings> { ["XYZ"] = new() { Price = 0m, Volatility = 0, StrikeIncrement = 0m } },
        };

        var errors = settings.Validate();

        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("MarketData:Synthetic:RiskFreeRate ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("MarketData:Synthetic:Underlyings:XYZ:Price ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("MarketData:Synthetic:Underlyings:XYZ:Volatility ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("MarketData:Synthetic:Underlyings:XYZ:StrikeIncrement ", StringComparison.Ordinal));
        Assert.Empty(Defaults.Validate());
    }
}
