namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>
/// Executes an approved roll through the order path: one order closing the old legs and opening the new, placed after it
/// is recorded, booked from its fills in one transaction (the old position closed with reason <c>roll</c>, the new one
/// opened), resumed by recovery after a crash like any order.
/// </summary>
public interface IRollExecutor
{
    Task<RollResult> RollAsync(RollRequest request, CancellationToken cancellationToken);
}
