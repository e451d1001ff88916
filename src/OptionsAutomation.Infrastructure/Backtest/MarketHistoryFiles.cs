using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Infrastructure.MarketData.Csv;

namespace OptionsAutomation.Infrastructure.Backtest;

/// <summary>
/// The market history the product ships (data/market in the repository, copied next to the binary by the build):
/// SPY bars, VIX closes and DTB3 rates, read into one <see cref="MarketHistory"/>, and the real SPY 2021 end-of-day chain.
/// </summary>
public static class MarketHistoryFiles
{
    public const string SpyDaily = "spy_daily.csv";
    public const string VixDaily = "vix_daily.csv";
    public const string TreasuryBills = "dtb3_daily.csv";

    /// <summary>The real SPY 2021 chain, under the history's directory.</summary>
    public static readonly string SpyChain2021 = Path.Combine("chains", "spy_2021", "spy_options_2021.csv");

    /// <summary>data/market beside the running binary.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "data", "market");

    /// <exception cref="MarketHistoryFileException">for the first file that cannot be read, naming it and the line.</exception>
    public static MarketHistory Load(string directory) => new(
        DailyBarsCsvReader.Read(Path.Combine(directory, SpyDaily)),
        VixCsvReader.Read(Path.Combine(directory, VixDaily)),
        TreasuryBillCsvReader.Read(Path.Combine(directory, TreasuryBills)));

    /// <summary>The real chains under <paramref name="directory"/>, read on first use (<see cref="CsvMarketData"/>).</summary>
    public static CsvMarketData RealChains(string directory, ILogger<CsvMarketData> logger) =>
        new(new CsvMarketDataSettings { ChainFiles = [Path.Combine(directory, SpyChain2021)] }, logger);
}
