using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Infrastructure.MarketData.Csv;

namespace OptionsAutomation.Integration.Tests.MarketData;

/// <summary>What real files do to a reader: BOM, CRLF, no final newline, other column orders, blank fields.</summary>
public sealed class CsvFileFormatTests : IDisposable
{
    private const string SpyHeader =
        "underlying,underlying_last,optionroot,type,expiration,quotedate,strike,last,bid,ask,volume,openinterest,impliedvol,delta,gamma,theta,vega,optionalias";

    private const string SpyRow =
        "SPY,368.79,SPY210129P00345000,put,2021-01-29,2021-01-04,345.0,2.71,2.76,2.78,7424,48199,0.28804,-0.17798,0.00937,-0.1447,0.25147,SPY210129P00345000";

    private static readonly DateTimeOffset Jan4Close = new(2021, 1, 4, 21, 0, 0, TimeSpan.Zero);
    private static readonly OptionContract Put345 = new("SPY", new DateOnly(2021, 1, 29), OptionRight.Put, 345m);

    private readonly TempCsvFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("\n", true, false)]
    [InlineData("\r\n", true, false)]
    [InlineData("\r\n", false, true)]
    [InlineData("\n", false, true)]
    public async Task Chain_WithAnyLineEndingOrBom_ReadsTheSameQuotes(string newline, bool finalNewline, bool byteOrderMark)
    {
        var path = _files.Write("chain.csv", [SpyHeader, SpyRow, SpyRow.Replace("P00345000", "P00350000").Replace(",345.0,", ",350.0,")],
            newline, finalNewline, byteOrderMark);

        var data = MarketDataFiles.Csv([path]);
        var quote = await data.GetOptionQuoteAsync(Put345, Jan4Close, CancellationToken.None);
        var last = await data.GetOptionQuoteAsync(Put345 with { Strike = 350m }, Jan4Close, CancellationToken.None);

        Assert.Equal((2.76m, 2.78m, -0.17798), (quote?.Bid, quote?.Ask, quote?.Delta));
        Assert.Equal(-0.17798, last?.Delta); // the final row, with or without a newline after it
        Assert.Empty((await data.LoadAsync(CancellationToken.None)).Skipped);
    }

    [Fact]
    public async Task Chain_WithBlankOptionalFields_HasNullsThere()
    {
        var path = _files.Write("chain.csv", [SpyHeader,
            "SPY,368.79,SPY210129P00345000,put,2021-01-29,2021-01-04,345.0,,,2.78,,,,,,,,"]);

        var quote = await MarketDataFiles.Csv([path]).GetOptionQuoteAsync(Put345, Jan4Close, CancellationToken.None);

        Assert.NotNull(quote);
        Assert.Equal((null, 2.78m, null), (quote.Bid, quote.Ask, quote.Last));
        Assert.Null(quote.Mid);
        Assert.Null(quote.ImpliedVolatility);
        Assert.Null(quote.Delta);
        Assert.Null(quote.OpenInterest);
    }

    [Fact]
    public async Task Chain_WithZeroBid_KeepsIt_AndZeroAskLastAndIv_MeanNone()
    {
        var path = _files.Write("chain.csv", [SpyHeader,
            "SPY,368.79,SPY210129P00345000,put,2021-01-29,2021-01-04,345.0,0.0,0.0,0.0,0,10,0.0,-0.01,0,0,0,SPY210129P00345000"]);

        var quote = await MarketDataFiles.Csv([path]).GetOptionQuoteAsync(Put345, Jan4Close, CancellationToken.None);

        Assert.NotNull(quote);
        Assert.Equal(0m, quote.Bid);
        Assert.Null(quote.Ask);
        Assert.Null(quote.Last);
        Assert.Null(quote.ImpliedVolatility);
        Assert.Equal(-0.01, quote.Delta);
    }

    [Fact]
    public async Task Chain_FindsColumnsByName_InAnyOrder_WithoutOptionRoot()
    {
        var path = _files.Write("chain.csv", [
            " Strike , Type , QuoteDate , Expiration , Ask , Bid , Underlying , Underlying_Last ",
            "345, P, 01/04/2021, 01/29/2021, 2.78, 2.76, SPY, 368.79"]);

        var quote = await MarketDataFiles.Csv([path]).GetOptionQuoteAsync(Put345, Jan4Close, CancellationToken.None);

        Assert.Equal((2.76m, 2.78m, 368.79m), (quote?.Bid, quote?.Ask, quote?.UnderlyingPrice));
    }

    [Fact]
    public async Task Chain_SkipsBlankLines_AndCountsRowsByTheirLineInTheFile()
    {
        var path = _files.Write("chain.csv", [SpyHeader, "", SpyRow, "   ", "SPY,not-a-price"], "\r\n");

        var report = await MarketDataFiles.Csv([path]).LoadAsync(CancellationToken.None);

        Assert.Equal(1, report.OptionQuotes);
        Assert.Equal(5, Assert.Single(report.Skipped).Line);
    }

    [Fact]
    public async Task Underlying_DailyLayout_WithBomAndCrlf_IsTheCloseAt1600NewYork()
    {
        var chain = _files.Write("chain.csv", [SpyHeader, SpyRow]);
        var daily = _files.Write("spy.csv", ["date,open,high,low,close,adj_close,volume",
            "2021-01-04,375.309998,375.450012,364.820007,368.790009,367.58609,110210800",
            "2021-07-06,1,1,1,432.93,1,1"], "\r\n", finalNewline: false, byteOrderMark: true);
        var data = MarketDataFiles.Csv([chain], new Dictionary<string, string> { ["SPY"] = daily });

        var january = await data.GetUnderlyingQuoteAsync("SPY", Jan4Close, CancellationToken.None);
        var july = await data.GetUnderlyingQuoteAsync("SPY", new DateTimeOffset(2021, 7, 6, 20, 0, 0, TimeSpan.Zero), CancellationToken.None);

        Assert.Equal(368.790009m, january?.Last);
        Assert.Equal(432.93m, july?.Last);
        Assert.Null(await data.GetUnderlyingQuoteAsync("SPY", new DateTimeOffset(2021, 1, 4, 20, 59, 59, TimeSpan.Zero), CancellationToken.None));
    }
}
