using System.Diagnostics;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Infrastructure.MarketData.Csv;
using Xunit.Abstractions;

namespace OptionsAutomation.Integration.Tests.MarketData;

/// <summary>
/// The SPX 2019 daily files (MM/DD/YYYY dates, SPX and SPXW roots): the tests/data subset (SPX puts expiring
/// 2019-06-21 and two calls), and the full 21 files where shared/data is there.
/// </summary>
public sealed class CsvSpxChainTests(ITestOutputHelper output)
{
    private static readonly DateOnly June21 = new(2019, 6, 21);

    // 16:00 New York is 20:00Z in May and June (EDT).
    private static readonly DateTimeOffset May20Close = new(2019, 5, 20, 20, 0, 0, TimeSpan.Zero);

    private static readonly CsvMarketData Subset = MarketDataFiles.Csv([MarketDataFiles.Spx2019Subset]);

    [Fact]
    public async Task OptionQuote_IsTheRowOfTheFile()
    {
        // SPX,2840.23,CBOE,SPX190621P02775000,put,06/21/2019,05/20/2019,2775.0,28.95,4.25,27.9,28.4,1511,31468,0.1728,-0.3048,0.0024
        var quote = await Subset.GetOptionQuoteAsync(Put(2775m), May20Close, CancellationToken.None);

        Assert.NotNull(quote);
        Assert.Equal((27.9m, 28.4m, 28.95m, 28.15m), (quote.Bid, quote.Ask, quote.Last, quote.Mid));
        Assert.Equal((0.1728, -0.3048), (quote.ImpliedVolatility, quote.Delta));
        Assert.Equal(31468, quote.OpenInterest);
        Assert.Equal(2840.23m, quote.UnderlyingPrice);
        Assert.Equal(May20Close, quote.Timestamp);
    }

    [Fact]
    public async Task OptionQuote_KeepsAZeroBid()
    {
        // SPX190621P01100000 on 05/20: bid 0.0, ask 0.05.
        var quote = await Subset.GetOptionQuoteAsync(Put(1100m), May20Close, CancellationToken.None);

        Assert.Equal((0m, 0.05m, 0.025m), (quote?.Bid, quote?.Ask, quote?.Mid));
        Assert.Null(quote?.Last);
    }

    [Fact]
    public async Task OptionQuote_WithZeroImpliedVolatility_HasNone()
    {
        // SPX190621P03190000 on 06/10: impliedvol 0.0 (deep in the money), bid 295.0, ask 299.0, delta -0.9948.
        var quote = await Subset.GetOptionQuoteAsync(Put(3190m), new DateTimeOffset(2019, 6, 10, 20, 0, 0, TimeSpan.Zero), CancellationToken.None);

        Assert.NotNull(quote);
        Assert.Null(quote.ImpliedVolatility);
        Assert.Equal((295m, 299m, -0.9948), (quote.Bid, quote.Ask, quote.Delta));
    }

    [Fact]
    public async Task OptionQuote_OnTheAmSettledExpirationDay_HasNoOffer()
    {
        // SPX (AM-settled) options stop trading the day before; the 06/21 file lists them at 0/0.
        var quote = await Subset.GetOptionQuoteAsync(Put(2850m), new DateTimeOffset(2019, 6, 21, 20, 0, 0, TimeSpan.Zero), CancellationToken.None);

        Assert.NotNull(quote);
        Assert.Equal(0m, quote.Bid);
        Assert.Null(quote.Ask);
        Assert.Null(quote.Mid);
        Assert.Equal(2957.5m, quote.UnderlyingPrice);
    }

    [Fact]
    public async Task OptionQuote_OnASessionWithoutAFile_IsThePreviousClose()
    {
        // No file for Friday 06/14: on Monday 06/17 the last quote is Thursday 06/13's (2.1 / 2.25).
        var quote = await Subset.GetOptionQuoteAsync(Put(2775m), new DateTimeOffset(2019, 6, 17, 12, 0, 0, TimeSpan.FromHours(-4)), CancellationToken.None);

        Assert.Equal((2.1m, 2.25m, new DateTimeOffset(2019, 6, 13, 20, 0, 0, TimeSpan.Zero)), (quote?.Bid, quote?.Ask, quote?.Timestamp));
    }

    [Fact]
    public async Task OptionQuote_ForTheCalls_IsThereOnTheFirstAndLastDayOnly()
    {
        var call = new OptionContract("SPX", June21, OptionRight.Call, 2900m);

        var may20 = await Subset.GetOptionQuoteAsync(call, May20Close.AddDays(7), CancellationToken.None);

        Assert.Equal(May20Close, may20?.Timestamp);
        Assert.Equal(OptionRight.Call, may20?.Contract.Right);
    }

    [Fact]
    public async Task Chain_IsTheSpxRootOfThatDay()
    {
        var chain = await Subset.GetChainAsync("SPX", May20Close.AddHours(1), CancellationToken.None);

        Assert.NotNull(chain);
        Assert.Equal((2840.23m, May20Close), (chain.UnderlyingPrice, chain.Timestamp));
        Assert.Equal(283, chain.Quotes.Count);
        Assert.Equal(2, chain.Quotes.Count(q => q.Contract.Right == OptionRight.Call));
        Assert.All(chain.Quotes, q => Assert.Equal(("SPX", June21), (q.Contract.Underlying, q.Contract.Expiration)));
    }

    [Fact]
    public async Task Chain_ForSpxwInTheSubset_IsNull()
    {
        // SPXW is a root of its own; the subset holds none of its rows.
        Assert.Null(await Subset.GetChainAsync("SPXW", May20Close, CancellationToken.None));
    }

    [Fact]
    public async Task UnderlyingQuote_ComesFromTheChainRows()
    {
        var quote = await Subset.GetUnderlyingQuoteAsync("SPX", May20Close.AddDays(1).AddTicks(-1), CancellationToken.None);

        Assert.Equal(("SPX", 2840.23m, May20Close), (quote?.Symbol, quote?.Last, quote?.Timestamp));
    }

    [Fact]
    public async Task Load_ReadsEverySubsetRow()
    {
        var report = await Subset.LoadAsync(CancellationToken.None);

        Assert.Equal(21, report.ChainFiles);
        Assert.Equal(21 * 281 + 4, report.OptionQuotes);
        Assert.Equal(21, report.ChainSnapshots);
        Assert.Empty(report.Skipped);
    }

    [SharedDataFact]
    public async Task FullFiles_KeepSpxAndSpxwApart()
    {
        var data = MarketDataFiles.Csv([Path.Combine(MarketDataFiles.SharedData!, "chains", "spx_2019", "SPX_20190520.csv")]);

        var spx = await data.GetOptionQuoteAsync(Put(2750m), May20Close, CancellationToken.None);
        var spxw = await data.GetOptionQuoteAsync(Put(2750m) with { Underlying = "SPXW" }, May20Close, CancellationToken.None);
        var spxChain = await data.GetChainAsync("SPX", May20Close, CancellationToken.None);
        var spxwChain = await data.GetChainAsync("SPXW", May20Close, CancellationToken.None);

        Assert.Equal((22.6m, 23.0m), (spx?.Bid, spx?.Ask));
        Assert.Equal((23.2m, 23.6m), (spxw?.Bid, spxw?.Ask));
        Assert.Equal(3686, spxChain?.Quotes.Count);
        Assert.Equal(9882, spxwChain?.Quotes.Count);
        Assert.Equal(2840.23m, spxwChain?.UnderlyingPrice);
    }

    [SharedDataFact]
    public async Task FullFiles_AllTwentyOneDays_LoadWithoutABadRow()
    {
        var data = MarketDataFiles.Csv([Path.Combine(MarketDataFiles.SharedData!, "chains", "spx_2019")]);
        var stopwatch = Stopwatch.StartNew();

        var report = await data.LoadAsync(CancellationToken.None);

        output.WriteLine($"21 SPX files: {report.OptionQuotes} quotes, {report.Contracts} contracts loaded in {stopwatch.ElapsedMilliseconds} ms");
        Assert.Equal(294174, report.OptionQuotes);
        Assert.Equal(42, report.ChainSnapshots);
        Assert.Empty(report.Skipped);
        var june20 = await data.GetChainAsync("SPXW", new DateTimeOffset(2019, 6, 20, 20, 0, 0, TimeSpan.Zero), CancellationToken.None);
        Assert.Equal(2952.07m, june20?.UnderlyingPrice);
    }

    private static OptionContract Put(decimal strike) => new("SPX", June21, OptionRight.Put, strike);
}
