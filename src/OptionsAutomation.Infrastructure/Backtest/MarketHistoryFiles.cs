using OptionsAutomation.Core.Backtest;

namespace OptionsAutomation.Infrastructure.Backtest;

/// <summary>
/// The market history the product ships (data/market in the repository, copied next to the binary by the build):
/// SPY bars, VIX closes and DTB3 rates, read into one <see cref="MarketHistory"/>.
/// </summary>
public static class MarketHistoryFiles
{
    public const string SpyDaily = "spy_daily.csv";
    public const string VixDaily = "vix_daily.csv";
    public const string TreasuryBills = "dtb3_daily.csv";

    /// <summary>data/market beside the running binary.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "data", "market");

    /// <exception cref="MarketHistoryFileException">for the first file that cannot be read, naming it and the line.</exception>
    public static MarketHistory Load(string directory) => new(
        DailyBarsCsvReader.Read(Path.Combine(directory, SpyDaily)),
        VixCsvReader.Read(Path.Combine(directory, VixDaily)),
        TreasuryBillCsvReader.Read(Path.Combine(directory, TreasuryBills)));
}
