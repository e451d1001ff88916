using OptionsAutomation.Core.Backtest;

namespace OptionsAutomation.Infrastructure.Backtest;

/// <summary>
/// SPY's daily closes from the shipped history (<c>data/market/spy_daily.csv</c>), the reports' buy-and-hold benchmark:
/// read once on first use and kept (immutable). A day past the file's end has no close, and the report says so.
/// </summary>
public sealed class BenchmarkCloses(string directory)
{
    private readonly Lazy<IReadOnlyList<IndexClose>> _closes = new(() =>
        [.. DailyBarsCsvReader.Read(Path.Combine(directory, MarketHistoryFiles.SpyDaily)).Select(b => new IndexClose(b.Date, b.Close))]);

    /// <summary>The closes from <paramref name="from"/> through <paramref name="to"/>, oldest first.</summary>
    /// <exception cref="MarketHistoryFileException">when the file cannot be read.</exception>
    public IReadOnlyList<IndexClose> Between(DateOnly from, DateOnly to) => [.. _closes.Value.Where(c => c.Date >= from && c.Date <= to)];
}
