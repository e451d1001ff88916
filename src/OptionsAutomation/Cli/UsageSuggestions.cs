using System.CommandLine;
using System.CommandLine.Parsing;
using OptionsAutomation.Hosting;

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
                .Select(name => (Name: name, Distance: EditDistance.Between(word, name.ToLowerInvariant())))
                .Where(c => c.Distance <= Math.Max(1, c.Name.Length / 3) || (word.TrimStart('-').Length >= 2 && c.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(c => c.Distance)
                .ThenBy(c => c.Name, StringComparer.Ordinal)
                .Take(3)
                .Select(c => c.Name),
        ];
    }
}
