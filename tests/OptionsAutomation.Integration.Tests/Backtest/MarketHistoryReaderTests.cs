using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Infrastructure.Backtest;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Backtest;

/// <summary>The readers on the files the product ships (data/market) and on bad files written here.</summary>
public sealed class MarketHistoryReaderTests : IDisposable
{
    private static readonly string Shipped = Path.Combine(RepositoryRoot.Path, "data", "market");
    private readonly string _directory = Directory.CreateTempSubdirectory("history-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_shipped_files_read_whole()
    {
        var bars = DailyBarsCsvReader.Read(Path.Combine(Shipped, MarketHistoryFiles.SpyDaily));
        var vix = VixCsvReader.Read(Path.Combine(Shipped, MarketHistoryFiles.VixDaily));
        var rates = TreasuryBillCsvReader.Read(Path.Combine(Shipped, MarketHistoryFiles.TreasuryBills));

        Assert.Equal(6539, bars.Count);
        Assert.Equal(new DailyBar(new DateOnly(2000, 1, 3), 148.25m, 148.25m, 143.875m, 145.4375m, 97.825676m, 8164300), bars[0]);
        Assert.Equal(new DateOnly(2025, 12, 31), bars[^1].Date);
        // The file's 79.519997 is the 79.52 close: prices come in on the book's 4-decimal scale, or an assignment's
        // exit price (85 − close) is refused and the position never settles (issue 13).
        Assert.Equal(new DailyBar(new DateOnly(2008, 11, 21), 77.46m, 80.9m, 74.34m, 79.52m, 61.7617m, 718536500), bars.Single(b => b.Date == new DateOnly(2008, 11, 21)));
        Assert.All(bars, b => Assert.Equal(decimal.Round(b.Close, 4), b.Close));
        Assert.Equal(new IndexClose(new DateOnly(1990, 1, 2), 17.24m), vix[0]);
        Assert.Equal(6919, rates.Count);
        Assert.Equal(287, rates.Count(r => r.CarriedForward));
        Assert.Equal(new TreasuryBillRate(new DateOnly(2026, 7, 9), 3.69m, false), rates[^1]);
    }

    [Fact]
    public void A_day_without_a_rate_carries_the_previous_one_forward()
    {
        var rates = TreasuryBillCsvReader.Read(Path.Combine(Shipped, MarketHistoryFiles.TreasuryBills));
        var history = MarketHistoryFiles.Load(Shipped);

        // 2000-01-17 (Martin Luther King Day) has no DTB3 value; Friday 2000-01-14 does.
        var friday = rates.Single(r => r.Date == new DateOnly(2000, 1, 14));
        Assert.Equal(new TreasuryBillRate(new DateOnly(2000, 1, 17), friday.DiscountPercent, CarriedForward: true), rates.Single(r => r.Date == new DateOnly(2000, 1, 17)));
        // 2000-10-09 (Columbus Day): the NYSE traded, the bond market did not.
        var columbus = history.DayOn(new DateOnly(2000, 10, 9))!;
        Assert.Equal(history.RateOn(new DateOnly(2000, 10, 6))!.ContinuousRate, columbus.Rate);
        Assert.True(history.RateOn(columbus.Date)!.CarriedForward);
    }

    [Fact]
    public void A_dot_is_a_missing_value_but_a_first_row_without_one_is_refused()
    {
        var rates = TreasuryBillCsvReader.Read(Write("dtb3.csv", "observation_date,DTB3\n2020-01-02,1.5\n2020-01-03,.\n2020-01-06,-0.02\n"));
        Assert.Equal([new(new(2020, 1, 2), 1.5m, false), new(new(2020, 1, 3), 1.5m, true), new(new(2020, 1, 6), -0.02m, false)], rates);

        var path = Write("first.csv", "observation_date,DTB3\n2020-01-02,\n");
        var error = Assert.Throws<MarketHistoryFileException>(() => TreasuryBillCsvReader.Read(path));
        Assert.Equal($"{path} line 2: DTB3 has no value on 2020-01-02, the first row: there is no earlier rate to carry forward.", error.Message);
    }

    [Theory]
    [InlineData("date,open,high,low,close,adj_close,volume\n2020-01-02,1,2,1,2,2,10\n2020-01-03,1,2,1,abc,2,10\n", "line 3: close 'abc' is not a number above zero.")]
    [InlineData("date,open,high,low,close,adj_close,volume\n2020-01-03,1,2,1,2,2,10\n2020-01-02,1,2,1,2,2,10\n", "line 3: date 2020-01-02 does not come after 2020-01-03; rows must be in date order, one per date.")]
    [InlineData("date,open,high,low,close,adj_close,volume\n2020-01-02,1,2,1.5,1.2,2,10\n", "line 2: open 1, close 1.2 do not lie between low 1.5 and high 2.")]
    [InlineData("date,open,high,low,close,adj_close,volume\n01/02/2020,1,2,1,2,2,10\n", "line 2: date '01/02/2020' is not a date in the form YYYY-MM-DD.")]
    [InlineData("date,open,high,low,close,volume\n2020-01-02,1,2,1,2,10\n", "line 1: the header lacks adj_close; expected date,open,high,low,close,adj_close,volume.")]
    public void A_bad_bar_file_names_the_file_and_the_line(string text, string reason)
    {
        var path = Write("bars.csv", text);
        var error = Assert.Throws<MarketHistoryFileException>(() => DailyBarsCsvReader.Read(path));
        Assert.Equal($"{path} {reason}", error.Message);
    }

    [Fact]
    public void A_bad_vix_close_or_a_missing_file_is_named()
    {
        var path = Write("vix.csv", "DATE,OPEN,HIGH,LOW,CLOSE\n2020-01-02,1,1,1,-3\n");
        Assert.Equal($"{path} line 2: CLOSE '-3' is not a number above zero.", Assert.Throws<MarketHistoryFileException>(() => VixCsvReader.Read(path)).Message);

        var missing = Path.Combine(_directory, "none.csv");
        Assert.Equal($"{missing}: file not found.", Assert.Throws<MarketHistoryFileException>(() => VixCsvReader.Read(missing)).Message);
    }

    [Fact]
    public void The_build_copies_the_history_next_to_the_binary()
    {
        var binary = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        Assert.True(File.Exists(Path.Combine(binary, "data", "market", MarketHistoryFiles.TreasuryBills)));
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "data", "market"), MarketHistoryFiles.DefaultDirectory);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
