using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Infrastructure.Brokers.TradeStation;
using OptionsAutomation.Infrastructure.MarketData.TradeStation;
using OptionsAutomation.Integration.Tests.Brokers.TradeStation.Server;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.MarketData.TradeStation;

/// <summary>The TradeStation market-data adapter against the loopback server speaking the documented protocol.</summary>
public sealed class TradeStationMarketDataTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly RealTimersClock _clock = new(TsMarket.Now);

    [Fact]
    public async Task UnderlyingQuotes_AreMapped_FetchedForTheWholeWatchlistAtOnce_AndCachedForATick()
    {
        await using var h = await TsMarket.StartAsync(_clock);
        var marketData = TsMarket.MarketData(h, watchlist: ["SPY", "QQQ", "IWM"]);

        var spy = await marketData.GetUnderlyingQuoteAsync("SPY", TsMarket.Now, None);
        var qqq = await marketData.GetUnderlyingQuoteAsync("QQQ", TsMarket.Now, None);
        var iwm = await marketData.GetUnderlyingQuoteAsync("IWM", TsMarket.Now, None);

        Assert.Equal(new UnderlyingQuoteValues("SPY", 512.34m, 512.33m, 512.35m, DateTimeOffset.Parse(TsMarket.SpyTradeTime)), Values(spy));
        Assert.Equal(431.1m, qqq?.Last);
        Assert.Equal(199.5m, iwm?.Last);
        var request = Assert.Single(h.Server.Calls("GET", "/marketdata/quotes/"));
        Assert.Equal("/v3/marketdata/quotes/SPY,QQQ,IWM", request.Path);

        _clock.SetUtcNow(TsMarket.Now.AddSeconds(29));
        await marketData.GetUnderlyingQuoteAsync("QQQ", _clock.GetUtcNow(), None);
        Assert.Single(h.Server.Calls("GET", "/marketdata/quotes/"));

        _clock.SetUtcNow(TsMarket.Now.AddSeconds(31));
        await marketData.GetUnderlyingQuoteAsync("QQQ", _clock.GetUtcNow(), None);
        Assert.Equal(2, h.Server.Calls("GET", "/marketdata/quotes/").Count);
    }

    [Fact]
    public async Task AnUnknownSymbol_AnswersNull_AndIsNotAskedAgainWithinTheTick()
    {
        await using var h = await TsMarket.StartAsync(_clock);
        var marketData = TsMarket.MarketData(h);

        Assert.Null(await marketData.GetUnderlyingQuoteAsync("NOPE", TsMarket.Now, None));
        Assert.Null(await marketData.GetUnderlyingQuoteAsync("NOPE", TsMarket.Now, None));

        Assert.Single(h.Server.Calls("GET", "/marketdata/quotes/"));
        Assert.Single(h.Logs.Lines, l => l.Contains("no quote for NOPE: FAILED, INVALID SYMBOL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A429OnQuotes_WaitsTheAskedSeconds_ThenAnswers_AndIsLoggedOnce()
    {
        await using var h = await TsMarket.StartAsync(_clock);
        h.Server.Script("GET", "/marketdata/quotes/", TsReply.Error(429, "TooManyRequests", "Too many requests", retryAfterSeconds: 1), times: 2);
        var marketData = TsMarket.MarketData(h);

        var quote = await marketData.GetUnderlyingQuoteAsync("SPY", TsMarket.Now, None);

        Assert.Equal(512.34m, quote?.Last);
        Assert.Equal(3, h.Server.Calls("GET", "/marketdata/quotes/").Count);
        Assert.Single(h.Logs.Lines, l => l.Contains("rate limit hit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AQuoteThatStoppedTrading_KeepsItsTradeTime_AndMarksStale()
    {
        await using var h = await TsMarket.StartAsync(_clock);
        h.Server.SetQuote(new TsQuote("SPY", "512.34", "512.33", "512.35", "2025-04-02T14:05:00Z"));
        var marketData = TsMarket.MarketData(h);

        var quote = await marketData.GetUnderlyingQuoteAsync("SPY", TsMarket.Now, None);

        Assert.Equal(new DateTimeOffset(2025, 4, 2, 14, 5, 0, TimeSpan.Zero), quote?.Timestamp);
        var mark = PositionMarker.MarkShares(quote, TsMarket.Now, new ExitRuleSettings { MaxMarkAgeMinutes = 10 });
        Assert.Equal(MarkQuality.Stale, mark.Quality);
    }

    [Fact]
    public async Task PastSessions_AnswerThatDaysDailyClose_FromOneBarRequest()
    {
        await using var h = await TsMarket.StartAsync(_clock);
        h.Server.SetBars(
            "SPY",
            new TsBar("560.1", "2025-03-07T21:00:00Z"), // EST: the close is 21:00 UTC
            new TsBar("574.08", "2025-03-26T20:00:00Z"),
            new TsBar("575.46", "2025-03-27T20:00:00Z"),
            new TsBar("555.66", "2025-03-28T20:00:00Z"),
            new TsBar("559.39", "2025-03-31T20:00:00Z"),
            new TsBar("560.97", "2025-04-01T20:00:00Z"),
            new TsBar("512.34", "2025-04-02T20:00:00Z"));
        var marketData = TsMarket.MarketData(h);

        var closes = new List<(DateOnly, decimal?)>();
        foreach (var session in new DateOnly[] { new(2025, 3, 7), new(2025, 3, 26), new(2025, 3, 27), new(2025, 3, 28), new(2025, 3, 31), new(2025, 4, 1) })
        {
            var quote = await marketData.GetUnderlyingQuoteAsync("SPY", MarketTime.At(session, new TimeOnly(16, 0)), None);
            closes.Add((quote is null ? default : MarketTime.DateOf(quote.Timestamp), quote?.Last));
        }

        Assert.Equal(
            [(new(2025, 3, 7), 560.1m), (new(2025, 3, 26), 574.08m), (new(2025, 3, 27), 575.46m), (new(2025, 3, 28), 555.66m), (new(2025, 3, 31), 559.39m), (new(2025, 4, 1), 560.97m)],
            closes);
        var request = Assert.Single(h.Server.Calls("GET", "/marketdata/barcharts/"));
        Assert.Equal("/v3/marketdata/barcharts/SPY?interval=1&unit=Daily&barsback=300", request.Path + request.Query);
        Assert.Empty(h.Server.Calls("GET", "/marketdata/quotes/"));
    }

    [Fact]
    public async Task TheChain_IsReadToEndSnapshotPerExpiration_MappedOntoOptionQuotes_AndEachStreamClosed()
    {
        await using var h = await TsMarket.StartAsync(_clock);
        var marketData = TsMarket.MarketData(h);

        var chain = await marketData.GetChainAsync("SPY", TsMarket.Now, None);

        Assert.NotNull(chain);
        Assert.Equal((512.34m, DateTimeOffset.Parse(TsMarket.SpyTradeTime)), (chain.UnderlyingPrice, chain.Timestamp));
        Assert.Equal(TsMarket.Expirations, chain.Quotes.Select(q => q.Contract.Expiration).Distinct());
        Assert.All(chain.Quotes, q => Assert.Equal(OptionRight.Put, q.Contract.Right));
        Assert.Equal(3 * 13 + 2, chain.Quotes.Count);

        var april17 = chain.Quotes.Single(q => q.Contract == new OptionContract("SPY", new DateOnly(2025, 4, 17), OptionRight.Put, 510m));
        Assert.Equal(DayOfWeek.Thursday, april17.Contract.Expiration.DayOfWeek);
        Assert.Equal(
            (4.10m, 4.25m, 4.175m, 4.10m, 512.34m, 0.1875, -0.33, 1996L),
            (april17.Bid, april17.Ask, april17.Mid, april17.Last, april17.UnderlyingPrice, april17.ImpliedVolatility, april17.Delta, april17.OpenInterest));
        Assert.Equal(DateTimeOffset.Parse(TsMarket.SpyTradeTime), april17.Timestamp);
        Assert.Contains(chain.Quotes, q => q.Contract.Strike == 512.5m);

        // A negative bid is no bid.
        var farPut = chain.Quotes.Single(q => q.Contract == new OptionContract("SPY", new DateOnly(2025, 4, 4), OptionRight.Put, 470m));
        Assert.Equal((null, 0.03m), (farPut.Bid, farPut.Ask));

        var streams = h.Server.Calls("GET", "/marketdata/stream/options/chains/SPY");
        Assert.Equal(
            ["expiration=04-04-2025", "expiration=04-17-2025", "expiration=05-16-2025"],
            streams.Select(s => s.Query.Split('&')[0].TrimStart('?')).Order());
        Assert.All(streams, s => Assert.Contains("&strikeProximity=30&optionType=Put&spreadType=Single&enableGreeks=true", s.Query, StringComparison.Ordinal));
        Assert.Single(h.Server.Calls("GET", "/marketdata/options/expirations/SPY"));
        await Eventually(() => h.Server.ClosedChainStreams == 3);
    }

    [Fact]
    public async Task LegQuotes_ComeFromTheTicksChainSnapshot_WithoutAnotherRequest()
    {
        await using var h = await TsMarket.StartAsync(_clock);
        var marketData = TsMarket.MarketData(h);
        await marketData.GetChainAsync("SPY", TsMarket.Now, None);
        var before = h.Server.Requests.Count;

        var quote = await marketData.GetOptionQuoteAsync(new OptionContract("SPY", new DateOnly(2025, 4, 17), OptionRight.Put, 510m), TsMarket.Now, None);

        Assert.Equal((4.10m, 4.25m), (quote?.Bid, quote?.Ask));
        Assert.Equal(before, h.Server.Requests.Count);
    }

    [Fact]
    public async Task GoAway_AndADroppedConnection_ReconnectOnce_AndTheChainIsComplete()
    {
        await using var h = await TsMarket.StartAsync(_clock);
        var marketData = TsMarket.MarketData(h, new TradeStationMarketDataSettings { MaxConcurrentChainStreams = 1 });

        h.Server.ScriptChainStream(TsChainStream.GoAway);
        var afterGoAway = await marketData.GetChainAsync("SPY", TsMarket.Now, None);
        _clock.SetUtcNow(TsMarket.Now.AddMinutes(1));
        h.Server.ScriptChainStream(TsChainStream.Drop);
        var afterDrop = await marketData.GetChainAsync("SPY", _clock.GetUtcNow(), None);

        Assert.Equal(3 * 13 + 2, afterGoAway?.Quotes.Count);
        Assert.Equal(3 * 13 + 2, afterDrop?.Quotes.Count);
        Assert.Equal(8, h.Server.Calls("GET", "/marketdata/stream/options/chains/SPY").Count);
        Assert.Equal(1, h.Server.MaxConcurrentSnapshots);
        Assert.DoesNotContain(h.Logs.Lines, l => l.Contains("left out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStreamWithoutEndSnapshot_OrWithAnError_LeavesItsExpirationOut_LoggedOnce()
    {
        await using var h = await TsMarket.StartAsync(_clock);
        var marketData = TsMarket.MarketData(h, new TradeStationMarketDataSettings { ChainTimeoutSeconds = 1.5, MaxConcurrentChainStreams = 1 });

        h.Server.ScriptChainStream(TsChainStream.NoEndSnapshot);
        var started = DateTime.UtcNow;
        var first = await marketData.GetChainAsync("SPY", TsMarket.Now, None);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(1.4), TimeSpan.FromSeconds(10));

        _clock.SetUtcNow(TsMarket.Now.AddMinutes(1));
        h.Server.ScriptChainStream(TsChainStream.NoEndSnapshot);
        var second = await marketData.GetChainAsync("SPY", _clock.GetUtcNow(), None);

        Assert.Equal([new DateOnly(2025, 4, 17), new DateOnly(2025, 5, 16)], first?.Quotes.Select(q => q.Contract.Expiration).Distinct());
        Assert.Equal(2 * 13 + 1, second?.Quotes.Count);
        Assert.Single(h.Logs.Lines, l => l.Contains("chain SPY 2025-04-04 left out: no EndSnapshot within 1.5 s", StringComparison.Ordinal));

        _clock.SetUtcNow(TsMarket.Now.AddMinutes(2));
        h.Server.ScriptChainStream(TsChainStream.Error, times: 3);
        Assert.Null(await marketData.GetChainAsync("SPY", _clock.GetUtcNow(), None));
        Assert.Contains(h.Logs.Lines, l => l.Contains("left out: the stream failed: InternalServerError: chain unavailable", StringComparison.Ordinal));
        await Eventually(() => h.Server.ClosedChainStreams == 9);
    }

    [Fact]
    public async Task A429OnTheChainStream_WaitsAsAsked_ThenReads_AndIsLoggedOnce()
    {
        await using var h = await TsMarket.StartAsync(_clock);
        h.Server.Script("GET", "/stream/options/chains/", TsReply.Error(429, "TooManyRequests", "Too many requests", retryAfterSeconds: 1));
        var marketData = TsMarket.MarketData(h, new TradeStationMarketDataSettings { MaxConcurrentChainStreams = 1 });

        var chain = await marketData.GetChainAsync("SPY", TsMarket.Now, None);

        Assert.Equal(3 * 13 + 2, chain?.Quotes.Count);
        Assert.Equal(4, h.Server.Calls("GET", "/marketdata/stream/options/chains/SPY").Count);
        Assert.Single(h.Logs.Lines, l => l.Contains("rate limit hit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOptionQuoteWithoutAChain_IsBatchedWithItsUnderlying()
    {
        await using var h = await TsMarket.StartAsync(_clock);
        h.Server.SetQuote(new TsQuote("SPY 250417P510", "4.2", "4.1", "4.25", "2025-04-02T13:58:00Z", "1996"));
        var marketData = TsMarket.MarketData(h);

        var quote = await marketData.GetOptionQuoteAsync(new OptionContract("SPY", new DateOnly(2025, 4, 17), OptionRight.Put, 510m), TsMarket.Now, None);

        Assert.Equal(
            (4.1m, 4.25m, 4.2m, 512.34m, 1996L, DateTimeOffset.Parse(TsMarket.SpyTradeTime)),
            (quote?.Bid, quote?.Ask, quote?.Last, quote?.UnderlyingPrice, quote?.OpenInterest, quote?.Timestamp));
        var request = Assert.Single(h.Server.Calls("GET", "/marketdata/quotes/"));
        Assert.Equal("/v3/marketdata/quotes/SPY 250417P510,SPY", request.Path);
    }

    [Theory]
    [InlineData("SPY 250407P510", "SPY", 2025, 4, 7, OptionRight.Put, "510")]
    [InlineData("INTC 250411P20.5", "INTC", 2025, 4, 11, OptionRight.Put, "20.5")]
    [InlineData("SPY 250417C512.5", "SPY", 2025, 4, 17, OptionRight.Call, "512.5")]
    public void OptionSymbols_MapToContracts_AndBack(string symbol, string root, int year, int month, int day, OptionRight right, string strike)
    {
        var expected = new OptionContract(root, new DateOnly(year, month, day), right, decimal.Parse(strike, System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(TradeStationSymbols.TryParse(symbol, out var contract));
        Assert.Equal(expected, contract);
        Assert.Equal(symbol, TradeStationSymbols.ToTradeStation(expected));
    }

    private static UnderlyingQuoteValues? Values(Core.MarketData.UnderlyingQuote? q) => q is null ? null : new(q.Symbol, q.Last, q.Bid, q.Ask, q.Timestamp);

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }

    private sealed record UnderlyingQuoteValues(string Symbol, decimal Last, decimal? Bid, decimal? Ask, DateTimeOffset Timestamp);
}
