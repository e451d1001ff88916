namespace OptionsAutomation.Infrastructure.MarketData.Csv;

/// <summary>
/// Parses each distinct field text once and hands out the same result for every later occurrence. Looked up by
/// span, so a hit allocates nothing. A parse that throws caches nothing, so every bad row is reported.
/// </summary>
internal sealed class ParsedTextCache<T>(Func<string, T> parse)
{
    private readonly Dictionary<string, T> _values = new(StringComparer.Ordinal);

    public T Get(ReadOnlySpan<char> text)
    {
        if (_values.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var value))
        {
            return value;
        }

        var key = text.ToString();
        value = parse(key);
        _values.Add(key, value);
        return value;
    }
}
