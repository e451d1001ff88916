namespace OptionsAutomation.Core.TradeJournal;

/// <summary>
/// A journal entry as it reads now (its newest version) with every version it had, oldest first. It belongs to a
/// proposal, a position, or both (a note on a proposal that became a position).
/// </summary>
public sealed record JournalEntry(
    long EntryId,
    string? RequestId,
    long? PositionId,
    JournalPhase Phase,
    string Source,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    IReadOnlyList<JournalVersion> Versions)
{
    public JournalVersion Current => Versions[^1];
}

/// <summary>One version of an entry's note: the first as written, each later one an edit.</summary>
public sealed record JournalVersion(int Version, string Text, string? Sentiment, DateTimeOffset WrittenAt, string WrittenBy);
