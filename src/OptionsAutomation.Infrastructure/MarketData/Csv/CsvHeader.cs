namespace OptionsAutomation.Infrastructure.MarketData.Csv;

/// <summary>A column found by its header name; <see cref="Index"/> is -1 when the file does not have it.</summary>
internal readonly record struct CsvColumn(string Name, int Index)
{
    public bool Present => Index >= 0;
}

/// <summary>
/// The header line of a CSV file. Columns are found by name (trimmed, case-insensitive) rather than by
/// position, because the same data comes in several layouts (the SPX files add <c>exchange</c> and <c>net</c>).
/// </summary>
internal sealed class CsvHeader
{
    private readonly Dictionary<string, int> _indexByName;

    private CsvHeader(Dictionary<string, int> indexByName, int count)
    {
        _indexByName = indexByName;
        Count = count;
    }

    public int Count { get; }

    public static CsvHeader Parse(string path, string line)
    {
        if (line.Contains('"', StringComparison.Ordinal))
        {
            throw new MarketDataFileException(path, 1, "quoted header fields are not supported.");
        }

        var names = line.Split(',');
        var indexByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i].Trim();
            if (name.Length > 0 && !indexByName.TryAdd(name, i))
            {
                throw new MarketDataFileException(path, 1, $"the header names column '{name}' twice.");
            }
        }

        return new CsvHeader(indexByName, names.Length);
    }

    public bool Has(string name) => _indexByName.ContainsKey(name);

    public CsvColumn Optional(string name) => new(name, _indexByName.GetValueOrDefault(name, -1));

    /// <summary>The names of <paramref name="required"/> the header lacks, in the order given.</summary>
    public IReadOnlyList<string> Missing(IEnumerable<string> required) => [.. required.Where(n => !Has(n))];
}
