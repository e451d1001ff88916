using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Brief;

/// <summary>
/// An open position before the open: days to expiry, how far the underlying is above the short put (dollars and percent
/// of spot; negative when the put is in the money), the P&amp;L at its last stored mark and the exit rules it is near.
/// </summary>
public sealed record OpenPositionBrief(
    long PositionId, string Ticker, string Strategy, int Quantity, DateOnly? Expiration, int? DaysToExpiry, decimal? ShortStrike,
    decimal? Spot, decimal? DistanceToShort, decimal? DistanceToShortPercent, decimal? UnrealizedPnl, DateTimeOffset? MarkedAt,
    IReadOnlyList<ExitProximity> Near)
{
    /// <param name="spot">The underlying's latest price as of the brief; null when the market data has none.</param>
    public static OpenPositionBrief Of(Position position, decimal? spot, DateOnly today, ExitRuleSettings rules, MorningBriefSettings settings)
    {
        ArgumentNullException.ThrowIfNull(position);
        decimal? distance = spot is { } s && position.ShortStrike is { } strike ? s - strike : null;
        decimal? percent = distance is { } d && spot is > 0m ? UnderlyingMove.Percent(d, spot.Value) : null;
        return new(
            position.PositionId, position.Ticker, position.StrategyType.ToCode(), position.Quantity, position.Expiration,
            position.Expiration is null ? null : position.DaysToExpiry(today), position.ShortStrike, spot, distance, percent,
            position.UnrealizedPnl, position.MarkedAt, ExitProximity.Of(position, today, rules, settings));
    }
}
