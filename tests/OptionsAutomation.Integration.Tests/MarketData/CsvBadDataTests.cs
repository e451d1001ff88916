using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Infrastructure.MarketData.Csv;

namespace OptionsAutomation.Integration.Tests.MarketData;

/// <summary>Bad rows are skipped and reported with file, line and reason; unusable files stop the load.</summary>
public sealed class CsvBadDataTests : IDisposable
{
    private const string Header = "underlying,underlying_last,optionroot,type,expiration,quotedate,strike,last,bid,ask,openinterest,impliedvol,delta";
    private const string Good = "SPY,368.79,SPY210129P00345000,put,2021-01-29,2021-01-04,345.0,2.71,2.76,2.78,48199,0.28804,-0.17798";

    private readonly TempCsvFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("SPY,368.79,SPY210129P00345000,put,2021-01-29,2021-01-04,345.0,2.71,abc,2.78,48199,0.28804,-0.17798", "bid 'abc' is not a number")]
    [InlineData("SPY,368.79,SPY210129P00345000,put,2021-01-29,2021-01-04,345.0,2.71,-0.05,2.78,48199,0.28804,-0.17798", "bid must not be negative")]
    [InlineData("SPY,368.79,SPY210129P00345000,put,2021-01-29,2021-01-04,345.0,2.71,2.76", "has 9 fields, the header has 13")]
    [InlineData("SPY,368.79,SPY210129P00345000,put,2021-01-29,2021-01-04,345.0,2.71,2.76,2.78,48199,0.28804,-0.17798,x", "has more than 13 fields")]
    [InlineData("SPY,368.79,SPY210129P00345000,put,2021-01-29,2021-13-04,345.0,2.71,2.76,2.78,48199,0.28804,-0.17798", "quotedate '2021-13-04' is not a date")]
    [InlineData("SPY,368.79,SPY210129P00345000,put,2021-01-29,,345.0,2.71,2.76,2.78,48199,0.28804,-0.17798", "quotedate is blank")]
    [InlineData("SPY,368.79,SPY210129P00345000,straddle,2021-01-29,2021-01-04,345.0,2.71,2.76,2.78,48199,0.28804,-0.17798", "type 'straddle' is neither put nor call")]
    [InlineData("SPY,368.79,SPY210129P00345000,put,2021-01-29,2021-02-01,345.0,2.71,2.76,2.78,48199,0.28804,-0.17798", "expiration 2021-01-29 is before the quote date 2021-02-01")]
    [InlineData("SPY,368.79,SPY210129C00345000,put,2021-01-29,2021-01-04,345.0,2.71,2.76,2.78,48199,0.28804,-0.17798", "optionroot 'SPY210129C00345000' disagrees with the columns")]
    [InlineData("SPY,368.79,SPY210129P00345500,put,2021-01-29,2021-01-04,345.0,2.71,2.76,2.78,48199,0.28804,-0.17798", "disagrees with the columns")]
    [InlineData("SPY,368.79,P00345000,put,2021-01-29,2021-01-04,345.0,2.71,2.76,2.78,48199,0.28804,-0.17798", "is not an OCC option symbol")]
    [InlineData(",368.79,SPY210129P00345000,put,2021-01-29,2021-01-04,345.0,2.71,2.76,2.78,48199,0.28804,-0.17798", "underlying is blank")]
    [InlineData("SPY,0,SPY210129P00345000,put,2021-01-29,2021-01-04,345.0,2.71,2.76,2.78,48199,0.28804,-0.17798", "underlying_last must be above 0")]
    [InlineData("SPY,368.79,SPY210129P00345000,put,2021-01-29,2021-01-04,345.0,2.71,2.76,2.78,48199,0.28804,-1.7", "delta -1.7 is outside [-1, 1]")]
    [InlineData("SPY,368.79,SPY210129P00345000,put,2021-01-29,2021-01-04,345.0,2.71,2.76,2.78,4.5,0.28804,-0.17798", "openinterest '4.5' is not a whole")]
    [InlineData("\"SPY\",368.79,SPY210129P00345000,put,2021-01-29,2021-01-04,345.0,2.71,2.76,2.78,48199,0.28804,-0.17798", "quoted fields are not supported")]
    public async Task BadRow_IsSkipped_NamingFileLineAndReason(string row, string reason)
    {
        var path = _files.Write("chain.csv", [Header, Good.Replace("P00345000", "P00350000").Replace(",345.0,", ",350.0,"), row, Good]);

        var report = await MarketDataFiles.Csv([path]).LoadAsync(CancellationToken.None);

        var problem = Assert.Single(report.Skipped);
        Assert.Equal((path, 3), (problem.Path, problem.Line));
        Assert.Contains(reason, problem.Reason);
        Assert.StartsWith($"{path}:3: ", problem.ToString());
        Assert.Equal(2, report.OptionQuotes);
    }

    [Fact]
    public async Task DuplicateQuote_KeepsTheFirst_AndReportsTheSecond()
    {
        var first = _files.Write("a.csv", [Header, Good]);
        var second = _files.Write("b.csv", [Header, Good.Replace(",2.76,", ",9.99,")]);
        var data = MarketDataFiles.Csv([first, second]);

        var report = await data.LoadAsync(CancellationToken.None);
        var quote = await data.GetOptionQuoteAsync(
            new OptionContract("SPY", new DateOnly(2021, 1, 29), OptionRight.Put, 345m), DateTimeOffset.MaxValue, CancellationToken.None);

        var problem = Assert.Single(report.Skipped);
        Assert.Equal((second, 2), (problem.Path, problem.Line));
        Assert.Contains($"a second quote for SPY210129P00345000 on 2021-01-04; the first, {first}:2, is kept", problem.Reason);
        Assert.Equal(2.76m, quote?.Bid);
    }

    [Fact]
    public async Task UnderlyingLastThatDisagreesWithinADay_IsReported()
    {
        var path = _files.Write("chain.csv", [Header, Good, Good.Replace("368.79", "368.80").Replace("P00345000", "P00350000").Replace(",345.0,", ",350.0,")]);

        var report = await MarketDataFiles.Csv([path]).LoadAsync(CancellationToken.None);

        Assert.Contains("underlying_last 368.80 differs from 368.79 for SPY on 2021-01-04", Assert.Single(report.Skipped).Reason);
    }

    [Fact]
    public async Task UnderlyingFileRowForAnotherSymbol_IsReported()
    {
        var chain = _files.Write("chain.csv", [Header, Good]);
        var stock = _files.Write("stock.csv", ["symbol,date,close", "SPY,2021-01-04,368.79", "QQQ,2021-01-05,310.0", "SPY,2021-01-04,1.0"]);
        var data = MarketDataFiles.Csv([chain], new Dictionary<string, string> { ["SPY"] = stock });

        var report = await data.LoadAsync(CancellationToken.None);

        Assert.Collection(report.Skipped,
            p => Assert.Equal((3, "symbol 'QQQ' is not SPY, the symbol this file is configured for."), (p.Line, p.Reason)),
            p => Assert.Equal((4, "a second close for 2021-01-04; the first (line 2) is kept."), (p.Line, p.Reason)));
        Assert.Equal(368.79m, (await data.GetUnderlyingQuoteAsync("SPY", DateTimeOffset.MaxValue, CancellationToken.None))?.Last);
    }

    [Fact]
    public async Task ChainFileWithoutTheNeededColumns_StopsTheLoad_NamingThem()
    {
        var path = _files.Write("chain.csv", ["underlying,type,strike,bid,ask", "SPY,put,345,1,2"]);
        var data = MarketDataFiles.Csv([path]);

        var error = await Assert.ThrowsAsync<MarketDataFileException>(() => data.LoadAsync(CancellationToken.None).AsTask());

        Assert.Equal($"{path}:1: not an option chain file: the header lacks underlying_last, expiration, quotedate.", error.Message);

        // Every later query fails the same way instead of answering from nothing.
        await Assert.ThrowsAsync<MarketDataFileException>(() => data.GetChainAsync("SPY", DateTimeOffset.MaxValue, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task MissingChainFile_StopsTheLoad_NamingThePathAndKey()
    {
        var missing = Path.Combine(_files.Directory, "nope.csv");

        var error = await Assert.ThrowsAsync<MarketDataFileException>(() => MarketDataFiles.Csv([missing]).LoadAsync(CancellationToken.None).AsTask());

        Assert.Contains(missing, error.Message);
        Assert.Contains("MarketData:Csv:ChainFiles", error.Message);
    }

    [Fact]
    public async Task EmptyFile_StopsTheLoad()
    {
        var path = _files.Write("chain.csv", [], finalNewline: false);

        var error = await Assert.ThrowsAsync<MarketDataFileException>(() => MarketDataFiles.Csv([path]).LoadAsync(CancellationToken.None).AsTask());

        Assert.Equal($"{path}:1: the file is empty; expected a header line.", error.Message);
    }

    [Fact]
    public async Task UnderlyingFileWithoutClose_StopsTheLoad()
    {
        var chain = _files.Write("chain.csv", [Header, Good]);
        var daily = _files.Write("spy.csv", ["date,open,adj_close", "2021-01-04,1,2"]);

        var error = await Assert.ThrowsAsync<MarketDataFileException>(() =>
            MarketDataFiles.Csv([chain], new Dictionary<string, string> { ["SPY"] = daily }).LoadAsync(CancellationToken.None).AsTask());

        Assert.Equal($"{daily}:1: not a daily bar file: the header lacks close.", error.Message);
    }
}
