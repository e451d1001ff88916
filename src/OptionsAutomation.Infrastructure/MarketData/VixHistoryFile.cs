using OptionsAutomation.Core.Brief;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Infrastructure.Backtest;

namespace OptionsAutomation.Infrastructure.MarketData;

/// <summary>
/// The VIX closes shipped under <c>data/market</c>, read afresh for each brief (once a day), so a file updated in place
/// is seen without a restart and a missing one costs the brief its VIX line, not the worker its start-up.
/// </summary>
public sealed class VixHistoryFile(string path) : IVixHistory
{
    public static VixHistoryFile Shipped() => new(Path.Combine(MarketHistoryFiles.DefaultDirectory, MarketHistoryFiles.VixDaily));

    public DailyCloses Read() => new(VixCsvReader.Read(path));
}
