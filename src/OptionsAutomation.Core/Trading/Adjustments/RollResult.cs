using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>
/// What a roll did: the order's final state, the position it opened from the fills (null when nothing filled), and why
/// it did not roll when it did not (a refusal before sending, a rejection, nothing filled).
/// </summary>
public sealed record RollResult(long OldPositionId, long? NewPositionId, OrderState? Order, string? Problem)
{
    public bool Rolled => NewPositionId is not null;
}
