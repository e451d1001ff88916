using OptionsAutomation.Core.Brief;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Infrastructure.Backtest;

namespace OptionsAutomation.Infrastructure.MarketData;

/// <summary>
/// The VIX closes shipped under <c>data/market</c>, read when a brief asks and again only when the file's time has
/// changed, so a file updated in place is seen without a restart (and the dashboard's brief does not parse 9,000 rows
/// each time), and a missing one costs the brief its VIX line, not the worker its start-up.
/// </summary>
public sealed class VixHistoryFile(string path) : IVixHistory
{
    // One reference, swapped whole: concurrent briefs (the job, the API) see either read, never half of one.
    private Snapshot? _read;

    public static VixHistoryFile Shipped() => new(Path.Combine(MarketHistoryFiles.DefaultDirectory, MarketHistoryFiles.VixDaily));

    public DailyCloses Read()
    {
        var writtenAt = File.GetLastWriteTimeUtc(path);
        if (_read is { } read && read.WrittenAt == writtenAt)
        {
            return read.Closes;
        }

        var closes = new DailyCloses(VixCsvReader.Read(path));
        _read = new Snapshot(writtenAt, closes);
        return closes;
    }

    private sealed record Snapshot(DateTime WrittenAt, DailyCloses Closes);
}
