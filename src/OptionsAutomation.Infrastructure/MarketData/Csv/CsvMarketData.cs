using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;

namespace OptionsAutomation.Infrastructure.MarketData.Csv;

/// <summary>
/// Replays real end-of-day option chains from CSV files (<see cref="ChainFileReader"/>) and daily underlying
/// closes (<see cref="UnderlyingFileReader"/>). The files are read once, on the first query, and indexed; every
/// query then answers with the last quote at or before its instant (quotes are stamped 16:00 New York, or
/// <see cref="CsvMarketDataSettings.MinutesBeforeClose"/> earlier).
/// Bad rows are skipped, each logged with file, line and reason and counted in <see cref="CsvLoadReport"/>;
/// a missing file or a header without the needed columns stops the load, and every later query rethrows it.
/// </summary>
public sealed partial class CsvMarketData : IMarketData
{
    /// <summary>Enough to see what is wrong without flooding the log when a whole file is.</summary>
    private const int SkippedRowsLogged = 20;

    private readonly CsvMarketDataSettings _settings;
    private readonly ILogger<CsvMarketData> _logger;
    private readonly Lazy<Task<Loaded>> _loaded;
    private readonly TimeSpan _beforeClose;

    public CsvMarketData(CsvMarketDataSettings settings, ILogger<CsvMarketData> logger)
    {
        _settings = settings;
        _logger = logger;
        _beforeClose = TimeSpan.FromMinutes(settings.MinutesBeforeClose);

        // The first caller's cancellation must not poison the shared load, so it runs on its own and callers wait with their token.
        _loaded = new Lazy<Task<Loaded>>(() => Task.Run(Load), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Loads the files if no query has yet, and says what they held.</summary>
    public async ValueTask<CsvLoadReport> LoadAsync(CancellationToken cancellationToken) =>
        (await _loaded.Value.WaitAsync(cancellationToken).ConfigureAwait(false)).Report;

    public async ValueTask<UnderlyingQuote?> GetUnderlyingQuoteAsync(string symbol, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        (await IndexAsync(cancellationToken).ConfigureAwait(false)).Underlying(symbol, asOf + _beforeClose) is { } quote
            ? quote with { Timestamp = quote.Timestamp - _beforeClose }
            : null;

    public async ValueTask<OptionQuote?> GetOptionQuoteAsync(OptionContract contract, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        (await IndexAsync(cancellationToken).ConfigureAwait(false)).Option(contract, asOf + _beforeClose) is { } quote
            ? quote with { Timestamp = quote.Timestamp - _beforeClose }
            : null;

    /// <summary>The chain of one OCC root (SPX and SPXW are separate chains) as of the last quote date at or before <paramref name="asOf"/>.</summary>
    public async ValueTask<OptionChain?> GetChainAsync(string underlying, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var chain = (await IndexAsync(cancellationToken).ConfigureAwait(false)).Chain(underlying, asOf + _beforeClose);
        return chain is null || _beforeClose == TimeSpan.Zero
            ? chain
            : chain with { Timestamp = chain.Timestamp - _beforeClose, Quotes = [.. chain.Quotes.Select(q => q with { Timestamp = q.Timestamp - _beforeClose })] };
    }

    private async ValueTask<CsvQuoteIndex> IndexAsync(CancellationToken cancellationToken) =>
        (await _loaded.Value.WaitAsync(cancellationToken).ConfigureAwait(false)).Index;

    private Loaded Load()
    {
        var stopwatch = Stopwatch.StartNew();
        var sources = CsvSources.ChainFiles(_settings.ChainFiles);

        // Read in the configured order, one file after another: "the first row wins" depends on that order, and
        // parallel parsing gained nothing measurable on two cores (21 SPX files, ~290k rows, load in 1.5-2 s).
        var chainFiles = sources
            .Select(s => (Source: s, Rows: ChainFileReader.Read(s.Path, skipIfNotChain: s.FoundInDirectory)))
            .ToList();
        var underlyingFiles = _settings.UnderlyingFiles.OrderBy(u => u.Key, StringComparer.Ordinal)
            .Select(u => UnderlyingFileReader.Read(u.Key, Path.GetFullPath(u.Value)))
            .ToList();

        var skipped = new List<CsvRowProblem>();
        var read = chainFiles.Where(f => f.Rows is not null).Select(f => f.Rows!).ToList();
        skipped.AddRange(read.SelectMany(f => f.Skipped));
        skipped.AddRange(underlyingFiles.SelectMany(f => f.Skipped));
        var index = CsvQuoteIndex.Build(read, underlyingFiles, skipped);

        var report = new CsvLoadReport(
            read.Count,
            [.. chainFiles.Where(f => f.Rows is null).Select(f => f.Source.Path)],
            underlyingFiles.Count,
            index.OptionQuotes,
            index.Contracts,
            index.ChainSnapshots,
            index.CrossedQuotes,
            skipped,
            stopwatch.Elapsed);
        LogReport(report);
        return new Loaded(index, report);
    }

    private void LogReport(CsvLoadReport report)
    {
        foreach (var path in report.IgnoredFiles)
        {
            LogIgnoredFile(path);
        }

        foreach (var problem in report.Skipped.Take(SkippedRowsLogged))
        {
            LogSkippedRow(problem.Path, problem.Line, problem.Reason);
        }

        if (report.Skipped.Count > 0)
        {
            LogSkippedTotal(report.Skipped.Count, Math.Min(report.Skipped.Count, SkippedRowsLogged));
        }

        LogLoaded(report.OptionQuotes, report.Contracts, report.ChainSnapshots, report.ChainFiles, report.UnderlyingFiles,
            report.CrossedQuotes, (long)report.Elapsed.TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CSV market data: {Path} has no option chain columns; passed over")]
    private partial void LogIgnoredFile(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CSV market data: skipped {Path}:{Line}: {Reason}")]
    private partial void LogSkippedRow(string path, int line, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CSV market data: {Skipped} bad row(s) skipped in all ({Logged} listed above)")]
    private partial void LogSkippedTotal(int skipped, int logged);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "CSV market data: {OptionQuotes} option quotes ({Contracts} contracts, {Snapshots} chain snapshots) from {ChainFiles} chain file(s) and {UnderlyingFiles} underlying file(s), {CrossedQuotes} crossed (bid > ask) kept as given, in {ElapsedMs} ms")]
    private partial void LogLoaded(int optionQuotes, int contracts, int snapshots, int chainFiles, int underlyingFiles, int crossedQuotes, long elapsedMs);

    private sealed record Loaded(CsvQuoteIndex Index, CsvLoadReport Report);
}
