using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Infrastructure.MarketData.Csv;

namespace OptionsAutomation.Integration.Tests.MarketData;

/// <summary>The real SPY 2021 end-of-day file (ISO dates) with spy_daily.csv for the underlying.</summary>
public sealed class CsvSpyChainTests
{
    // 16:00 New York is 21:00Z in January (EST).
    private static readonly DateTimeOffset Jan4Close = new(2021, 1, 4, 21, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Jan5Close = new(2021, 1, 5, 21, 0, 0, TimeSpan.Zero);

    private static readonly OptionContract Put345 = new("SPY", new DateOnly(2021, 1, 29), OptionRight.Put, 345m);
    private static readonly OptionContract Put355 = new("SPY", new DateOnly(2021, 1, 29), OptionRight.Put, 355m);

    private static readonly CsvMarketData Data = MarketDataFiles.Csv(
        [MarketDataFiles.SpyOptions2021], new Dictionary<string, string> { ["SPY"] = MarketDataFiles.SpyDaily });

    [Fact]
    public async Task OptionQuote_IsTheRowOfTheFile()
    {
        var quote = await Data.GetOptionQuoteAsync(Put345, Jan4Close, CancellationToken.None);

        Assert.NotNull(quote);
        Assert.Equal(Put345, quote.Contract);
        Assert.Equal(2.76m, quote.Bid);
        Assert.Equal(2.78m, quote.Ask);
        Assert.Equal(2.77m, quote.Mid);
        Assert.Equal(2.71m, quote.Last);
        Assert.Equal(0.28804, quote.ImpliedVolatility);
        Assert.Equal(-0.17798, quote.Delta);
        Assert.Equal(48199, quote.OpenInterest);
        Assert.Equal(368.79m, quote.UnderlyingPrice);
        Assert.Equal(Jan4Close, quote.Timestamp);
        Assert.Equal("SPY   210129P00345000", quote.Contract.OccSymbol);
    }

    [Fact]
    public async Task OptionQuote_BeforeTheFirstQuote_IsNull()
    {
        Assert.Null(await Data.GetOptionQuoteAsync(Put345, Jan4Close.AddTicks(-1), CancellationToken.None));
    }

    [Fact]
    public async Task OptionQuote_BetweenDays_IsTheEarlierClose()
    {
        var nextMorning = new DateTimeOffset(2021, 1, 5, 15, 59, 0, TimeSpan.FromHours(-5));

        var quote = await Data.GetOptionQuoteAsync(Put355, nextMorning, CancellationToken.None);

        Assert.Equal((4.27m, 4.30m, Jan4Close), (quote?.Bid, quote?.Ask, quote?.Timestamp));
    }

    [Fact]
    public async Task OptionQuote_ExactlyAtTheClose_IsThatDay()
    {
        var quote = await Data.GetOptionQuoteAsync(Put355, Jan5Close, CancellationToken.None);

        Assert.Equal((3.45m, 3.47m, Jan5Close), (quote?.Bid, quote?.Ask, quote?.Timestamp));
    }

    [Fact]
    public async Task OptionQuote_ForAContractNotInTheFile_IsNull()
    {
        var unknown = Put345 with { Strike = 346m };

        Assert.Null(await Data.GetOptionQuoteAsync(unknown, Jan5Close, CancellationToken.None));
    }

    [Fact]
    public async Task Chain_IsThatDaysRowsInOrder()
    {
        var chain = await Data.GetChainAsync("SPY", Jan4Close.AddHours(3), CancellationToken.None);

        Assert.NotNull(chain);
        Assert.Equal(("SPY", 368.79m, Jan4Close), (chain.Underlying, chain.UnderlyingPrice, chain.Timestamp));
        Assert.Equal(20, chain.Quotes.Count);
        Assert.Equal(10, chain.Quotes.Count(q => q.Contract.Right == OptionRight.Put));
        Assert.All(chain.Quotes, q => Assert.Equal(Jan4Close, q.Timestamp));
        Assert.Equal(
            chain.Quotes.OrderBy(q => q.Contract.Expiration).ThenBy(q => q.Contract.Right).ThenBy(q => q.Contract.Strike),
            chain.Quotes);
        Assert.Equal(Put345, chain.Quotes[0].Contract);
    }

    [Fact]
    public async Task Chain_BeforeTheFirstDay_IsNull()
    {
        Assert.Null(await Data.GetChainAsync("SPY", Jan4Close.AddDays(-1), CancellationToken.None));
    }

    [Fact]
    public async Task Chain_ForAnotherUnderlying_IsNull()
    {
        Assert.Null(await Data.GetChainAsync("QQQ", Jan5Close, CancellationToken.None));
    }

    [Fact]
    public async Task UnderlyingQuote_ComesFromTheDailyFile_AtTheClose()
    {
        // spy_daily.csv goes back to 2000, further than the chains: the configured file is the source.
        var dec31 = await Data.GetUnderlyingQuoteAsync("SPY", Jan4Close.AddHours(-1), CancellationToken.None);
        var jan4 = await Data.GetUnderlyingQuoteAsync("SPY", Jan4Close, CancellationToken.None);

        Assert.Equal(new(2020, 12, 31, 21, 0, 0, TimeSpan.Zero), dec31?.Timestamp);
        Assert.Equal(373.880005m, dec31?.Last);
        Assert.Equal(368.790009m, jan4?.Last);
        Assert.Null(jan4?.Bid);
        Assert.Null(jan4?.Ask);
    }

    [Fact]
    public async Task UnderlyingQuote_FromTheStockFileLayout_UsesTheRawClose()
    {
        var data = MarketDataFiles.Csv([MarketDataFiles.SpyOptions2021], new Dictionary<string, string> { ["SPY"] = MarketDataFiles.SpyStock2021 });

        var quote = await data.GetUnderlyingQuoteAsync("SPY", Jan5Close, CancellationToken.None);

        Assert.Equal(("SPY", 371.33m, Jan5Close), (quote?.Symbol, quote?.Last, quote?.Timestamp));
    }

    [Fact]
    public async Task UnderlyingQuote_WithoutAnUnderlyingFile_ComesFromTheChainRows()
    {
        var data = MarketDataFiles.Csv([MarketDataFiles.SpyOptions2021]);

        var quote = await data.GetUnderlyingQuoteAsync("SPY", Jan5Close.AddDays(-1), CancellationToken.None);

        Assert.Equal((368.79m, Jan4Close), (quote?.Last, quote?.Timestamp));
        Assert.Null(await data.GetUnderlyingQuoteAsync("SPY", Jan4Close.AddTicks(-1), CancellationToken.None));
    }

    [Fact]
    public async Task Load_ReadsEveryRow_AndKeepsTheCrossedQuotes()
    {
        var report = await Data.LoadAsync(CancellationToken.None);

        Assert.Equal(5040, report.OptionQuotes);
        Assert.Equal(252, report.ChainSnapshots);
        Assert.Empty(report.Skipped);
        Assert.Empty(report.IgnoredFiles);

        // 2021-09-17 (quarterly expiration day) has 17 rows with bid above ask; they are the source's quotes.
        Assert.Equal(17, report.CrossedQuotes);
        var crossed = await Data.GetOptionQuoteAsync(
            new OptionContract("SPY", new DateOnly(2021, 10, 15), OptionRight.Call, 442m),
            new DateTimeOffset(2021, 9, 17, 20, 0, 0, TimeSpan.Zero),
            CancellationToken.None);
        Assert.Equal((7.29m, 7.23m), (crossed?.Bid, crossed?.Ask));
    }

    [Fact]
    public async Task ChainDirectory_PassesOverTheStockFileBesideIt()
    {
        var data = MarketDataFiles.Csv([Path.GetDirectoryName(MarketDataFiles.SpyOptions2021)!]);

        var report = await data.LoadAsync(CancellationToken.None);

        Assert.Equal(1, report.ChainFiles);
        Assert.Equal([Path.GetFullPath(MarketDataFiles.SpyStock2021)], report.IgnoredFiles);
        Assert.Equal(5040, report.OptionQuotes);
    }

    [Fact]
    public async Task MinutesBeforeClose_TakesTheDaysQuotesToBeTheMarketThatMuchEarlier()
    {
        // The backtest's convention: quotes are the market at 15:50, its exit rules run at 15:51.
        var data = new CsvMarketData(
            new CsvMarketDataSettings { ChainFiles = [MarketDataFiles.SpyOptions2021], MinutesBeforeClose = 10 },
            Microsoft.Extensions.Logging.Abstractions.NullLogger<CsvMarketData>.Instance);
        var quoteTime = Jan5Close.AddMinutes(-10);

        var atExits = await data.GetOptionQuoteAsync(Put355, quoteTime.AddMinutes(1), CancellationToken.None);
        var before = await data.GetOptionQuoteAsync(Put355, quoteTime.AddTicks(-1), CancellationToken.None);
        var chain = await data.GetChainAsync("SPY", quoteTime, CancellationToken.None);

        Assert.Equal((3.45m, 3.47m, quoteTime), (atExits?.Bid, atExits?.Ask, atExits?.Timestamp));
        Assert.Equal((4.27m, 4.30m, Jan4Close.AddMinutes(-10)), (before?.Bid, before?.Ask, before?.Timestamp));
        Assert.Equal(quoteTime, chain?.Timestamp);
        Assert.All(chain!.Quotes, q => Assert.Equal(quoteTime, q.Timestamp));
        Assert.Equal(quoteTime, (await data.GetUnderlyingQuoteAsync("SPY", quoteTime, CancellationToken.None))?.Timestamp);
    }

    [Fact]
    public void MinutesBeforeClose_OutsideTheSession_IsRefusedNamingTheKey()
    {
        var settings = new CsvMarketDataSettings { ChainFiles = ["x.csv"], MinutesBeforeClose = 391 };

        Assert.Equal(["MarketData:Csv:MinutesBeforeClose must be from 0 to 390 (the regular session), was 391."], settings.Validate());
    }
}
