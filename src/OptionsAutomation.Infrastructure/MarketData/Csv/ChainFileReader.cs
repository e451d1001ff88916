using System.Globalization;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;

namespace OptionsAutomation.Infrastructure.MarketData.Csv;

/// <summary>One option quote read from a chain file, with the underlying symbol and the line it came from.</summary>
internal readonly record struct ChainRow(OptionQuote Quote, string Underlying, int Line);

/// <summary>What one chain file gave: its good rows and the rows it skipped, each with the reason.</summary>
internal sealed record ChainFileRows(string Path, IReadOnlyList<ChainRow> Rows, IReadOnlyList<CsvRowProblem> Skipped);

/// <summary>
/// Reads an end-of-day option chain file (the SPY 2021 and SPX 2019 layouts and any other with the same
/// column names). Each row becomes an <see cref="OptionQuote"/> stamped 16:00 New York on its quote date.
/// <list type="bullet">
/// <item>The contract's <c>Underlying</c> is the OCC root of <c>optionroot</c> (SPX or SPXW), not the
/// <c>underlying</c> column: SPX (AM-settled) and SPXW (PM-settled) options with the same expiration,
/// strike and right are different contracts with different prices, and the root keeps
/// <see cref="OptionContract.OccSymbol"/> true. Without an <c>optionroot</c> column the underlying is the root.</item>
/// <item>A zero bid is kept (no bid is data). A zero ask becomes null: nobody offers an option for nothing,
/// so it means "no offer" (expired AM-settled SPX rows on their expiration day are 0/0). A zero last becomes
/// null (no trade) and a zero implied volatility null (the source could not compute one).</item>
/// <item>A row is skipped, with its line and the reason, when a required field is blank or unreadable, a
/// price is negative, it expires before its quote date, or its <c>optionroot</c> disagrees with the columns.</item>
/// </list>
/// </summary>
internal static class ChainFileReader
{
    public static readonly string[] RequiredColumns = ["underlying", "underlying_last", "type", "expiration", "quotedate", "strike"];

    /// <summary>
    /// Reads <paramref name="path"/>. A header without the chain columns stops the load, unless
    /// <paramref name="skipIfNotChain"/> (a file found in a directory, which may hold other CSVs): then null.
    /// </summary>
    public static ChainFileRows? Read(string path, bool skipIfNotChain)
    {
        using var reader = CsvLineReader.Open(path);
        var missing = reader.Header.Missing(RequiredColumns);
        if (missing.Count > 0)
        {
            return skipIfNotChain
                ? null
                : throw new MarketDataFileException(path, 1, $"not an option chain file: the header lacks {string.Join(", ", missing)}.");
        }

        var columns = new Columns(reader.Header);
        var rows = new List<ChainRow>();
        var skipped = new List<CsvRowProblem>();
        while (reader.Read(out var record, out var problem))
        {
            if (problem is not null)
            {
                skipped.Add(problem);
                continue;
            }

            try
            {
                rows.Add(ParseRow(record, columns));
            }
            catch (CsvRowException e)
            {
                skipped.Add(new CsvRowProblem(path, record.LineNumber, e.Message));
            }
        }

        return new ChainFileRows(path, rows, skipped);
    }

    private static ChainRow ParseRow(in CsvRecord record, Columns c)
    {
        var underlying = c.Symbols.Get(record[c.Underlying]);
        var underlyingLast = CsvValues.RequiredPositiveDecimal(record, c.UnderlyingLast);
        var right = ParseRight(record[c.Type]);
        var expiration = c.Expirations.Get(record[c.Expiration]);
        var (quoteDate, timestamp) = c.QuoteDates.Get(record[c.QuoteDate]);
        var strike = CsvValues.RequiredPositiveDecimal(record, c.Strike);
        if (expiration < quoteDate)
        {
            throw new CsvRowException($"expiration {expiration:yyyy-MM-dd} is before the quote date {quoteDate:yyyy-MM-dd}.");
        }

        var root = c.OptionRoot.Present ? c.Symbols.Get(RootOf(record[c.OptionRoot], expiration, right, strike)) : underlying;
        var bid = CsvValues.OptionalNonNegativeDecimal(record, c.Bid);
        var ask = CsvValues.OptionalNonNegativeDecimal(record, c.Ask);
        var last = CsvValues.OptionalNonNegativeDecimal(record, c.Last);
        var impliedVol = CsvValues.OptionalDouble(record, c.ImpliedVol, 0d, 100d);
        var delta = CsvValues.OptionalDouble(record, c.Delta, -1d, 1d);
        var openInterest = CsvValues.OptionalCount(record, c.OpenInterest);

        var quote = new OptionQuote(
            new OptionContract(root, expiration, right, strike),
            bid,
            ask == 0m ? null : ask,
            last == 0m ? null : last,
            timestamp,
            underlyingLast,
            impliedVol == 0d ? null : impliedVol,
            delta,
            openInterest);
        return new ChainRow(quote, underlying, record.LineNumber);
    }

    private static OptionRight ParseRight(ReadOnlySpan<char> type) =>
        type.Equals("put", StringComparison.OrdinalIgnoreCase) || type.Equals("p", StringComparison.OrdinalIgnoreCase) ? OptionRight.Put
        : type.Equals("call", StringComparison.OrdinalIgnoreCase) || type.Equals("c", StringComparison.OrdinalIgnoreCase) ? OptionRight.Call
        : throw new CsvRowException($"type '{type}' is neither put nor call.");

    /// <summary>
    /// The root of an OCC symbol (root, yyMMdd, C|P, strike × 1000 in 8 digits; the root may be space-padded),
    /// after checking that the rest agrees with the row's own columns.
    /// </summary>
    private static ReadOnlySpan<char> RootOf(ReadOnlySpan<char> symbol, DateOnly expiration, OptionRight right, decimal strike)
    {
        const int SuffixLength = 15;
        var root = symbol.Length > SuffixLength ? symbol[..^SuffixLength].TrimEnd() : [];
        if (root.IsEmpty || root.Contains(' '))
        {
            throw new CsvRowException($"optionroot '{symbol}' is not an OCC option symbol.");
        }

        var suffix = symbol[^SuffixLength..];
        Span<char> date = stackalloc char[6];
        var sameDate = expiration.TryFormat(date, out _, "yyMMdd", CultureInfo.InvariantCulture) && suffix[..6].SequenceEqual(date);
        var sameRight = suffix[6] == (right == OptionRight.Put ? 'P' : 'C');
        var sameStrike = long.TryParse(suffix[7..], NumberStyles.None, CultureInfo.InvariantCulture, out var thousandths)
            && thousandths == strike * 1000m;
        if (!(sameDate && sameRight && sameStrike))
        {
            throw new CsvRowException(
                $"optionroot '{symbol}' disagrees with the columns (expiration {expiration:yyyy-MM-dd}, {(right == OptionRight.Put ? "put" : "call")}, strike {strike}).");
        }

        return root;
    }

    private sealed class Columns(CsvHeader header)
    {
        public CsvColumn Underlying { get; } = header.Optional("underlying");
        public CsvColumn UnderlyingLast { get; } = header.Optional("underlying_last");
        public CsvColumn OptionRoot { get; } = header.Optional("optionroot");
        public CsvColumn Type { get; } = header.Optional("type");
        public CsvColumn Expiration { get; } = header.Optional("expiration");
        public CsvColumn QuoteDate { get; } = header.Optional("quotedate");
        public CsvColumn Strike { get; } = header.Optional("strike");
        public CsvColumn Last { get; } = header.Optional("last");
        public CsvColumn Bid { get; } = header.Optional("bid");
        public CsvColumn Ask { get; } = header.Optional("ask");
        public CsvColumn OpenInterest { get; } = header.Optional("openinterest");
        public CsvColumn ImpliedVol { get; } = header.Optional("impliedvol");
        public CsvColumn Delta { get; } = header.Optional("delta");

        // The same few symbols and dates repeat on every row: parsing each distinct text once and sharing the
        // result keeps a 290k-row load from allocating 290k copies of "SPX" and re-parsing the same dates.
        public ParsedTextCache<string> Symbols { get; } = new(text => text.Length > 0 ? text : throw new CsvRowException("underlying is blank."));

        public ParsedTextCache<DateOnly> Expirations { get; } = new(text => CsvValues.Date("expiration", text));

        public ParsedTextCache<(DateOnly Date, DateTimeOffset Stamp)> QuoteDates { get; } = new(text =>
        {
            var date = CsvValues.Date("quotedate", text);
            return (date, EndOfDay.On(date));
        });
    }
}
