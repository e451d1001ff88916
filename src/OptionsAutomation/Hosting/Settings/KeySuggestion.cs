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
            .Select(name => (Name: name, Distance: Distance(typed.ToUpperInvariant(), name.ToUpperInvariant())))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
