using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Analytics;

/// <summary>
/// A closed trade with what the comparison groups it by beyond the trade row: the position's expiration (for days to
/// expiry at entry; null for shares) and the sizing strategy that sized its proposal (null for a position added by hand
/// or proposed before sizing was recorded), and the trader's sentiment: the tag of the newest journal note written on it
/// at entry or while it was open (a note written after the close is hindsight, not the mood the trade was held in).
/// </summary>
public sealed record ComparedTrade(TradeRecord Trade, DateOnly? Expiration, string? SizingStrategy, string? Sentiment = null);
