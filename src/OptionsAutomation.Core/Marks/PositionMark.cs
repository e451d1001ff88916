using OptionsAutomation.Core.MarketData;

namespace OptionsAutomation.Core.Marks;

/// <summary>
/// What it would cost now to close a position: <see cref="Price"/> is the net debit per share from the
/// leg mids (short legs bought back, long legs sold), null when a leg has no two-sided quote.
/// <see cref="QuotedAt"/> is the oldest leg quote's time, so a mark is only as fresh as its stalest leg.
/// </summary>
public sealed record PositionMark(
    decimal? Price,
    DateTimeOffset? QuotedAt,
    MarkQuality Quality,
    string? Problem,
    IReadOnlyList<OptionQuote?> LegQuotes)
{
    public bool IsFresh => Quality == MarkQuality.Fresh;
}
