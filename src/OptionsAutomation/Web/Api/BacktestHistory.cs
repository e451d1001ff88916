using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Infrastructure.Backtest;
using OptionsAutomation.Infrastructure.MarketData.Csv;

namespace OptionsAutomation.Web.Api;

/// <summary>
/// The shipped market history and real chains, read once per web process on first use: the Backtest page asks for the
/// history's dates on every load, and each run replays the same files. Both are immutable once loaded.
/// </summary>
internal sealed class BacktestHistory(ILogger<CsvMarketData> logger)
{
    private readonly Lazy<MarketHistory> _history = new(() => MarketHistoryFiles.Load(MarketHistoryFiles.DefaultDirectory));
    private readonly Lazy<CsvMarketData> _realChains = new(() => MarketHistoryFiles.RealChains(MarketHistoryFiles.DefaultDirectory, logger));

    public MarketHistory History => _history.Value;

    public CsvMarketData RealChains => _realChains.Value;
}
