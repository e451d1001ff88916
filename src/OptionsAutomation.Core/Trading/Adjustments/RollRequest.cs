namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>
/// An approved roll: close every open contract of <see cref="PositionId"/> and open the same strategy on the same
/// underlying at <see cref="NewExpiration"/> and the new strikes, as one multi-leg order, for a net credit of at least
/// <see cref="MinimumNetCredit"/> per share (credit of the new legs less the debit of closing the old).
/// </summary>
/// <param name="NewLongStrike">The new long strike of a VPC; null for a CSP.</param>
/// <param name="ClientOrderId">The order's idempotency key, <c>roll-{adjustment id}</c>: a repeat never sends a second order.</param>
public sealed record RollRequest(
    long PositionId,
    DateOnly NewExpiration,
    decimal NewShortStrike,
    decimal? NewLongStrike,
    decimal MinimumNetCredit,
    string ClientOrderId,
    string Actor);
