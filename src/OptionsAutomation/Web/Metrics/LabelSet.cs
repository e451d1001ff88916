namespace OptionsAutomation.Web.Metrics;

/// <summary>The sorted labels of one series; equal when the same labels have the same values.</summary>
internal sealed class LabelSet(IReadOnlyList<KeyValuePair<string, string>> pairs) : IEquatable<LabelSet>
{
    private readonly string _key = string.Join('\u001f', pairs.Select(p => p.Key + "\u001e" + p.Value));

    public IReadOnlyList<KeyValuePair<string, string>> Pairs { get; } = pairs;

    public IEnumerable<KeyValuePair<string, string>> With(string key, string value) => Pairs.Append(new KeyValuePair<string, string>(key, value));

    public bool Equals(LabelSet? other) => other is not null && string.Equals(_key, other._key, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as LabelSet);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_key);
}
