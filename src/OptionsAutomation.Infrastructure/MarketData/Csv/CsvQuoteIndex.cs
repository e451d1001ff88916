using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;

namespace OptionsAutomation.Infrastructure.MarketData.Csv;

/// <summary>
/// The loaded files, indexed for as-of queries: one time series per option contract, one per chain root
/// (a snapshot per quote date) and one per underlying. Built once, then read-only and safe to share.
/// </summary>
internal sealed class CsvQuoteIndex
{
    private readonly Dictionary<OptionContract, AsOfSeries<OptionQuote>> _options;
    private readonly Dictionary<string, AsOfSeries<OptionChain>> _chains;
    private readonly Dictionary<string, AsOfSeries<UnderlyingQuote>> _underlyings;

    private CsvQuoteIndex(
        Dictionary<OptionContract, AsOfSeries<OptionQuote>> options,
        Dictionary<string, AsOfSeries<OptionChain>> chains,
        Dictionary<string, AsOfSeries<UnderlyingQuote>> underlyings)
    {
        _options = options;
        _chains = chains;
        _underlyings = underlyings;
    }

    public int OptionQuotes => _options.Values.Sum(s => s.Count);

    public int Contracts => _options.Count;

    public int ChainSnapshots => _chains.Values.Sum(s => s.Count);

    public int CrossedQuotes => _options.Values.Sum(s => s.Values.Count(q => q.Bid > q.Ask));

    public OptionQuote? Option(OptionContract contract, DateTimeOffset asOf) => _options.GetValueOrDefault(contract)?.At(asOf);

    public OptionChain? Chain(string root, DateTimeOffset asOf) => _chains.GetValueOrDefault(root)?.At(asOf);

    public UnderlyingQuote? Underlying(string symbol, DateTimeOffset asOf) => _underlyings.GetValueOrDefault(symbol)?.At(asOf);

    /// <summary>
    /// Indexes the rows in file order. A row that contradicts an earlier one is skipped and added to
    /// <paramref name="skipped"/>: a second quote for the same contract and date, an <c>underlying_last</c> that
    /// differs from the one already read for that underlying and date, or a root seen under another underlying.
    /// Underlying quotes come from <paramref name="underlyingFiles"/> for the symbols it has (the configured file
    /// is the authority, even when empty), otherwise from the chains' <c>underlying_last</c>.
    /// </summary>
    public static CsvQuoteIndex Build(
        IEnumerable<ChainFileRows> chainFiles, IEnumerable<UnderlyingFileRows> underlyingFiles, List<CsvRowProblem> skipped)
    {
        var chains = new ChainCollector();
        foreach (var file in chainFiles)
        {
            foreach (var row in file.Rows)
            {
                if (chains.Add(row, file.Path) is { } reason)
                {
                    skipped.Add(new CsvRowProblem(file.Path, row.Line, reason));
                }
            }
        }

        var underlyings = new Dictionary<string, AsOfSeries<UnderlyingQuote>>(StringComparer.Ordinal);
        foreach (var file in underlyingFiles)
        {
            underlyings[file.Symbol] = AsOfSeries<UnderlyingQuote>.From(FirstClosePerDay(file, skipped), q => q.Timestamp);
        }

        foreach (var group in chains.UnderlyingQuotes.GroupBy(q => q.Symbol, StringComparer.Ordinal).Where(g => !underlyings.ContainsKey(g.Key)))
        {
            underlyings.Add(group.Key, AsOfSeries<UnderlyingQuote>.From(group, q => q.Timestamp));
        }

        return new CsvQuoteIndex(chains.OptionSeries(), chains.ChainSeries(), underlyings);
    }

    private static IEnumerable<UnderlyingQuote> FirstClosePerDay(UnderlyingFileRows file, List<CsvRowProblem> skipped)
    {
        var firstLine = new Dictionary<DateTimeOffset, int>();
        foreach (var row in file.Rows)
        {
            if (firstLine.TryAdd(row.Quote.Timestamp, row.Line))
            {
                yield return row.Quote;
            }
            else
            {
                skipped.Add(new CsvRowProblem(file.Path, row.Line,
                    $"a second close for {row.Quote.Timestamp:yyyy-MM-dd}; the first (line {firstLine[row.Quote.Timestamp]}) is kept."));
            }
        }
    }

    /// <summary>Accumulates chain rows into snapshots per (root, quote time), refusing contradictions.</summary>
    private sealed class ChainCollector
    {
        private readonly Dictionary<(string Root, DateTimeOffset Timestamp), Dictionary<OptionContract, (OptionQuote Quote, Origin Origin)>> _snapshots = [];
        private readonly Dictionary<(string Symbol, DateTimeOffset Timestamp), (UnderlyingQuote Quote, Origin Origin)> _underlyings = [];
        private readonly Dictionary<string, string> _underlyingOfRoot = new(StringComparer.Ordinal);

        public IEnumerable<UnderlyingQuote> UnderlyingQuotes => _underlyings.Values.Select(u => u.Quote);

        /// <summary>Null when the row was taken, else why it was refused.</summary>
        public string? Add(ChainRow row, string path)
        {
            var quote = row.Quote;
            var root = quote.Contract.Underlying;
            if (!_underlyingOfRoot.TryAdd(root, row.Underlying) && _underlyingOfRoot[root] != row.Underlying)
            {
                return $"root {root} is listed under underlying {row.Underlying} here but under {_underlyingOfRoot[root]} earlier.";
            }

            var snapshot = _snapshots.GetValueOrDefault((root, quote.Timestamp));
            if (snapshot is not null && snapshot.TryGetValue(quote.Contract, out var first))
            {
                return $"a second quote for {Occ(quote.Contract)} on {quote.Timestamp:yyyy-MM-dd}; the first, {first.Origin}, is kept.";
            }

            var underlyingKey = (row.Underlying, quote.Timestamp);
            if (_underlyings.TryGetValue(underlyingKey, out var underlying) && underlying.Quote.Last != quote.UnderlyingPrice)
            {
                return $"underlying_last {quote.UnderlyingPrice} differs from {underlying.Quote.Last} for {row.Underlying} on " +
                       $"{quote.Timestamp:yyyy-MM-dd} at {underlying.Origin}.";
            }

            var origin = new Origin(path, row.Line);
            _underlyings.TryAdd(underlyingKey, (new UnderlyingQuote(row.Underlying, quote.UnderlyingPrice, null, null, quote.Timestamp), origin));
            if (snapshot is null)
            {
                snapshot = [];
                _snapshots.Add((root, quote.Timestamp), snapshot);
            }

            snapshot.Add(quote.Contract, (quote, origin));
            return null;
        }

        public Dictionary<OptionContract, AsOfSeries<OptionQuote>> OptionSeries() =>
            _snapshots.Values.SelectMany(s => s.Values).Select(e => e.Quote).GroupBy(q => q.Contract)
                .ToDictionary(g => g.Key, g => AsOfSeries<OptionQuote>.From(g, q => q.Timestamp));

        public Dictionary<string, AsOfSeries<OptionChain>> ChainSeries() =>
            _snapshots.GroupBy(s => s.Key.Root, StringComparer.Ordinal).ToDictionary(
                g => g.Key,
                g => AsOfSeries<OptionChain>.From(g.Select(s => ToChain(s.Key.Root, s.Key.Timestamp, s.Value.Values.Select(e => e.Quote))), c => c.Timestamp),
                StringComparer.Ordinal);

        /// <summary>A chain snapshot, its quotes ordered by expiration, then right, then strike.</summary>
        private static OptionChain ToChain(string root, DateTimeOffset timestamp, IEnumerable<OptionQuote> quotes)
        {
            OptionQuote[] ordered = [.. quotes
                .OrderBy(q => q.Contract.Expiration)
                .ThenBy(q => q.Contract.Right)
                .ThenBy(q => q.Contract.Strike)];
            return new OptionChain(root, ordered[0].UnderlyingPrice, timestamp, ordered);
        }

        private static string Occ(OptionContract contract) => contract.OccSymbol.Replace(" ", "", StringComparison.Ordinal);
    }

    private readonly record struct Origin(string Path, int Line)
    {
        public override string ToString() => $"{Path}:{Line}";
    }
}
