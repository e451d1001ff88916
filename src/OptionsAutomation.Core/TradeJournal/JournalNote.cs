using System.Text.RegularExpressions;

namespace OptionsAutomation.Core.TradeJournal;

/// <summary>
/// What a journal entry says: its text (trimmed, 1–4,000 characters) and an optional sentiment tag — confident,
/// neutral, worried, or any tag of the trader's own: lower case, a letter first, then letters, digits, '-' or '_', at
/// most 40 characters.
/// </summary>
public sealed partial record JournalNote
{
    public const int MaxTextLength = 4000;

    private JournalNote(string text, string? sentiment) => (Text, Sentiment) = (text, sentiment);

    public string Text { get; }

    public string? Sentiment { get; }

    /// <summary>The tags the CLI and the dashboard offer first; any other well-formed tag is accepted too.</summary>
    public static IReadOnlyList<string> SuggestedSentiments { get; } = ["confident", "neutral", "worried"];

    /// <exception cref="JournalException">when the text is empty or too long, or the tag is not well formed.</exception>
    public static JournalNote Of(string text, string? sentiment)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw new JournalException("a journal note needs some text.");
        }

        if (trimmed.Length > MaxTextLength)
        {
            throw new JournalException($"a journal note is at most {MaxTextLength} characters; this one has {trimmed.Length}.");
        }

        var tag = string.IsNullOrWhiteSpace(sentiment) ? null : sentiment.Trim().ToLowerInvariant();
        if (tag is not null && !Tag().IsMatch(tag))
        {
            throw new JournalException(
                $"sentiment '{sentiment}' is not a tag: use {string.Join(", ", SuggestedSentiments)} or your own (a letter, then letters, digits, '-' or '_'; at most 40).");
        }

        return new JournalNote(trimmed, tag);
    }

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
