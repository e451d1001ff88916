using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading.Adjustments;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Integration.Tests.Adjustments;

/// <summary>
/// A PENDING recommendation for an open position, stored as the sweep stores one, for tests of what acts on it (the chat,
/// the API). Its numbers are fixed — the advisor's arithmetic has tests of its own: risk 64 HIGH, short put −0.55 delta
/// with spot at 368, a loss of 1% of the max, mark 6.00, 18 DTE. A roll goes to the 2021-05-21 370 put for at least 5.36,
/// priced from the chain of 2021-03-01 for the screener's 2021-03-31 370 put (closed at its 3.69 ask, the May 370 sold at
/// its 9.05 bid; 9.08 − 3.67 = 5.41 at the mids), so the paper broker can fill it.
/// </summary>
internal static class AdjustmentSeed
{
    public static readonly DateOnly RollExpiration = new(2021, 5, 21);

    public static async Task<Adjustment> PendingAsync(ITradingJournal journal, Position position, AdjustmentKind kind, DateTimeOffset now)
    {
        var roll = kind == AdjustmentKind.Roll ? new RollCandidate(RollExpiration, 370m, null, 0.30, 3.69m, 9.05m, 5.36m, 5.41m) : null;
        var numbers = new AdjustmentNumbers(new RiskInputs(-0.55, 368m, position.ShortStrike!.Value, -0.01m * position.MaxLoss, position.MaxLoss, 18),
            new RiskScore(64, 0.857, 1, 0.02, 0.2), 6.00m, position.Quantity, roll);
        var advice = new AdjustmentAdvice(position.PositionId, kind, 64, AdjustmentUrgency.High, position.Quantity, "seeded", numbers,
            roll is null ? null : new RollTarget(RollExpiration, 370m, null, 5.36m));
        await using var entry = await journal.BeginAsync(CancellationToken.None);
        var created = await entry.CreateAdjustmentAsync(Adjustment.From(advice, position, now), CancellationToken.None);
        await entry.CommitAsync(AdjustmentBooking.Recommended(created), now, CancellationToken.None);
        return created;
    }
}
