using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace OptionsAutomation.Infrastructure.Csv;

/// <summary>
/// A headed, comma-separated file people write or export by hand (fills, returns), parsed by CsvHelper as RFC 4180:
/// a quoted field may hold commas, doubled quotes and line breaks. Columns are found by name (trimmed,
/// case-insensitive); fields are trimmed outside their quotes; blank lines carry nothing; a UTF-8 byte-order mark and
/// CRLF or LF endings are accepted. A row whose field count differs from the header's, or with a stray quote in an
/// unquoted field, is refused at its line rather than guessed at: a misplaced column would misread every later one.
/// </summary>
internal sealed class HeadedCsvFile : IDisposable
{
    private readonly CsvParser _parser;
    private readonly Dictionary<string, int> _indexByName = new(StringComparer.OrdinalIgnoreCase);
    private int _columns;
    private string? _badField;
    private string[] _record = [];

    private HeadedCsvFile(TextReader reader)
    {
        _parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
            // The field count is checked per row below, so the error can say what the header has.
            DetectColumnCountChanges = false,
            BadDataFound = args => _badField ??= args.Field,
        });
    }

    /// <summary>The line the current row starts on; the header is line 1.</summary>
    public int Line { get; private set; } = 1;

    /// <exception cref="CsvFileException">for a missing or empty file or a bad header.</exception>
    public static HeadedCsvFile Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new CsvFileException(0, "file not found.");
        }

        var file = new HeadedCsvFile(new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true));
        try
        {
            if (!file.Read(header: true))
            {
                throw new CsvFileException(1, "the file is empty; expected a header line.");
            }

            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public bool Has(string column) => _indexByName.ContainsKey(column);

    public IReadOnlyList<string> Missing(IEnumerable<string> columns) => [.. columns.Where(c => !Has(c))];

    /// <summary>The next row, or false at the end of the file.</summary>
    /// <exception cref="CsvFileException">for a row that is not well formed.</exception>
    public bool Read() => Read(header: false);

    /// <summary>The field of the current row under the column; empty when the file has no such column.</summary>
    public string this[string column] => _indexByName.TryGetValue(column, out var index) ? _record[index] : "";

    public void Dispose() => _parser.Dispose();

    private bool Read(bool header)
    {
        _badField = null;
        if (!_parser.Read())
        {
            return false;
        }

        // RawRow is the row's last line; a quoted field with line breaks started it earlier.
        Line = _parser.RawRow - _parser.RawRecord.AsSpan().TrimEnd("\r\n").Count('\n');
        // CsvHelper reports bad data as it processes a field, which it does lazily: process them all now.
        var fields = _record = _parser.Record ?? [];
        if (_badField is not null)
        {
            throw new CsvFileException(Line, $"field '{_badField}' has a quote but is not quoted; quote the whole field and double the quotes inside it.");
        }

        if (header)
        {
            Index(fields);
        }
        else if (fields.Length != _columns)
        {
            throw new CsvFileException(Line, $"has {fields.Length} fields, the header has {_columns}.");
        }

        return true;
    }

    private void Index(string[] header)
    {
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i].Length > 0 && !_indexByName.TryAdd(header[i], i))
            {
                throw new CsvFileException(1, $"the header names column '{header[i]}' twice.");
            }
        }

        _columns = header.Length;
    }
}
