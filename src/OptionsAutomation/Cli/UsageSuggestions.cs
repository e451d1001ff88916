using System.CommandLine;
using System.CommandLine.Parsing;

namespace OptionsAutomation.Cli;

/// <summary>
/// "Did you mean" for a mistyped verb, sub-verb or option. System.CommandLine computes typo corrections only in its
/// default parse-error action, which this CLI replaces (usage errors go to stderr as <c>error: …</c> like every other
/// refusal), so the nearest names are found here: the same letters with one slip (a letter added, dropped, changed or
/// two swapped) per three letters of the word, or a word the typed text begins.
/// </summary>
internal static class UsageSuggestions
{
    /// <summary>The error for the first token the parser could not place, with the names it was probably meant as; null when nothing is close.</summary>
    public static string? For(ParseResult parsed, string commandPath)
    {
        if (parsed.UnmatchedTokens.Count == 0)
        {
            return null;
        }

        var typed = parsed.UnmatchedTokens[0];
        var command = parsed.CommandResult.Command;
        var isOption = typed.StartsWith('-');
        IEnumerable<Symbol> symbols = isOption ? command.Options.Where(o => !o.Hidden) : command.Subcommands.Where(c => !c.Hidden);
        var names = symbols.SelectMany<Symbol, string>(s => s is Option o ? [o.Name, .. o.Aliases] : [s.Name, .. ((Command)s).Aliases]);
        var close = Nearest(typed, names);
        if (close.Count == 0)
        {
            return null;
        }

        var kind = isOption ? "option" : "command";
        var meant = string.Join(" or ", close.Select(name => isOption ? $"'{name}'" : $"'{commandPath} {name}'"));
        return $"unknown {kind} '{typed}' for '{commandPath}'. Did you mean {meant}?";
    }

    /// <summary>The candidates nearest to <paramref name="typed"/> within the tolerance, nearest first, at most three.</summary>
    public static IReadOnlyList<string> Nearest(string typed, IEnumerable<string> candidates)
    {
        var word = typed.ToLowerInvariant();
        return
        [
            .. candidates
                .Distinct(StringComparer.Ordinal)
                .Select(name => (Name: name, Distance: Distance(word, name.ToLowerInvariant())))
                .Where(c => c.Distance <= Math.Max(1, c.Name.Length / 3) || (word.TrimStart('-').Length >= 2 && c.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(c => c.Distance)
                .ThenBy(c => c.Name, StringComparer.Ordinal)
                .Take(3)
                .Select(c => c.Name),
        ];
    }

    /// <summary>Edits between two words, an adjacent swap counting as one (optimal string alignment).</summary>
    private static int Distance(string a, string b)
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
