using System.Text;

namespace OptionsAutomation.Infrastructure.MarketData.Csv;

/// <summary>
/// Reads a headed, comma-separated file line by line. A UTF-8 byte-order mark, CRLF or LF endings and a
/// missing final newline are all accepted; blank lines carry nothing and are passed over. Quoted fields are
/// not: none of the market-data files use them, and splitting a quoted comma wrongly would misplace every
/// later column, so such a line is refused as a bad row.
/// </summary>
internal sealed class CsvLineReader : IDisposable
{
    private const int BufferSize = 1 << 16;

    private readonly StreamReader _reader;

    // One spare slot so a line with too many fields is seen as such instead of folding into the last one.
    private readonly Range[] _fields;

    private CsvLineReader(string path, StreamReader reader, CsvHeader header)
    {
        Path = path;
        _reader = reader;
        Header = header;
        _fields = new Range[header.Count + 1];
    }

    public string Path { get; }

    public CsvHeader Header { get; }

    /// <summary>1-based number of the line last read; the header is line 1.</summary>
    public int LineNumber { get; private set; } = 1;

    public static CsvLineReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new MarketDataFileException(path, 0, "file not found.");
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize);
        try
        {
            var headerLine = reader.ReadLine();
            if (string.IsNullOrWhiteSpace(headerLine))
            {
                throw new MarketDataFileException(path, 1, "the file is empty; expected a header line.");
            }

            return new CsvLineReader(path, reader, CsvHeader.Parse(path, headerLine));
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The next non-blank line, or false at the end of the file. A line whose field count differs from the
    /// header's is returned as a problem instead.
    /// </summary>
    public bool Read(out CsvRecord record, out CsvRowProblem? problem)
    {
        while (_reader.ReadLine() is { } line)
        {
            LineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            problem = null;
            record = default;
            if (line.Contains('"', StringComparison.Ordinal))
            {
                problem = new CsvRowProblem(Path, LineNumber, "quoted fields are not supported.");
                return true;
            }

            var count = line.AsSpan().Split(_fields, ',');
            if (count != Header.Count)
            {
                problem = new CsvRowProblem(Path, LineNumber,
                    $"has {(count > Header.Count ? "more than " + Header.Count : count)} fields, the header has {Header.Count}.");
                return true;
            }

            record = new CsvRecord(line, _fields, LineNumber);
            return true;
        }

        record = default;
        problem = null;
        return false;
    }

    public void Dispose() => _reader.Dispose();
}
