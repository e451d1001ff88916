using OptionsAutomation.Core.Marks;

namespace OptionsAutomation.Core.Risk;

/// <summary>
/// The market for the strategy as the caller sees it: <see cref="Mid"/> is the net mid credit per share
/// (short legs' mids minus long legs' mids), <see cref="QuotedAt"/> the oldest leg quote's time (a quote is only
/// as fresh as its stalest leg, as for a <see cref="PositionMark"/>), and <see cref="Usable"/> the caller's
/// verdict on the legs (two-sided, not crossed, not too wide; <see cref="PositionMarker"/>'s rules).
/// </summary>
public sealed record OrderQuote(decimal? Mid, DateTimeOffset? QuotedAt, bool Usable)
{
    /// <summary>
    /// FRESH, STALE or UNUSABLE in the sense of <see cref="MarkQuality"/>. A missing mid or time, a mid at or
    /// below zero, or a time further in the future than feeds disagree by is UNUSABLE.
    /// </summary>
    public MarkQuality QualityAt(DateTimeOffset now, TimeSpan maxAge)
    {
        if (!Usable || Mid is not > 0m || QuotedAt is not { } at || at > now + PositionMarker.FutureTolerance)
        {
            return MarkQuality.Unusable;
        }

        return now - at > maxAge ? MarkQuality.Stale : MarkQuality.Fresh;
    }
}
