namespace OptionsAutomation.Hosting.Settings;

/// <summary>"Did you mean": the known name nearest a misspelt one, when it is near enough to be the one meant.</summary>
internal static class KeySuggestion
{
    public static string? Nearest(string typed, IEnumerable<string> known)
    {
        // A third of the name may be wrong (at least two edits): catches dropped, doubled and swapped letters
        // without offering an unrelated setting for a name that is simply not one.
        var allowed = Math.Max(2, typed.Length / 3);
        return known
            .Select(name => (Name: name, Distance: EditDistance.Between(typed.ToUpperInvariant(), name.ToUpperInvariant())))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }
}
