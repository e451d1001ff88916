using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>What a recommendation's creation and each of its moves mean for the book: the events the adjustment use cases commit.</summary>
public static class AdjustmentBooking
{
    public const string SystemActor = "adjustment-advisor";
    public const string PositionClosed = "position no longer open";
    public const string ConditionsCleared = "conditions cleared";

    /// <summary>A new PENDING recommendation (its row just created): audited, and its card goes to the approvers.</summary>
    public static IReadOnlyList<TradingEvent> Recommended(Adjustment created) =>
        [new AdjustmentRecorded(created, SystemActor), new AlertRaised(Alert.AdjustmentRecommended(created))];

    /// <summary>
    /// The pending recommendation as locked, brought up to date with <paramref name="advice"/> of the same kind: stored
    /// and audited; a new card only when its urgency rose. Null when nothing it shows changed (nothing is written).
    /// </summary>
    public static (Adjustment Refreshed, IReadOnlyList<TradingEvent> Events)? Refresh(Adjustment locked, AdjustmentAdvice advice, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(locked);
        ArgumentNullException.ThrowIfNull(advice);
        if (locked.Status != AdjustmentStatus.Pending || locked.Kind != advice.Kind)
        {
            throw new InvalidOperationException($"adjustment {locked.Id} is {locked.Status} {locked.Kind}; only a PENDING {advice.Kind} is refreshed.");
        }

        if (locked.RiskScore == advice.RiskScore && locked.Contracts == advice.Contracts && locked.Roll == advice.Roll)
        {
            return null;
        }

        var refreshed = locked with
        {
            RiskScore = advice.RiskScore, Urgency = advice.Urgency, Contracts = advice.Contracts, Summary = advice.Summary,
            Numbers = advice.Numbers, Roll = advice.Roll, UpdatedAt = now,
        };
        List<TradingEvent> events = [new AdjustmentRefreshed(refreshed, locked.RiskScore, SystemActor)];
        if (advice.Urgency > locked.Urgency)
        {
            events.Add(new AlertRaised(Alert.AdjustmentRecommended(refreshed)));
        }

        return (refreshed, events);
    }

    /// <summary>
    /// The recommendation as locked moves to <paramref name="to"/>, decided by <paramref name="by"/> with
    /// <paramref name="outcome"/>; every move but APPROVED (an execution under way) alerts. Null when it is in none of
    /// <paramref name="from"/>: someone decided it first, and nothing changes. <paramref name="revise"/> changes what it
    /// asks along with the move (the chat's Close instead of a roll: kind, contracts, no roll target).
    /// </summary>
    public static (Adjustment Moved, IReadOnlyList<TradingEvent> Events)? Move(
        Adjustment locked, IReadOnlyList<AdjustmentStatus> from, AdjustmentStatus to, string by, string? outcome, DateTimeOffset now,
        Func<Adjustment, Adjustment>? revise = null)
    {
        ArgumentNullException.ThrowIfNull(locked);
        if (!from.Contains(locked.Status))
        {
            return null;
        }

        // APPROVED is an execution under way: who decided and when were set by the person's decision, not by its outcome.
        var asked = revise is null ? locked : revise(locked);
        var moved = locked.Status == AdjustmentStatus.Pending
            ? asked with { Status = to, DecidedBy = by, DecidedAt = now, Outcome = outcome ?? locked.Outcome, UpdatedAt = now }
            : asked with { Status = to, Outcome = outcome ?? locked.Outcome, UpdatedAt = now };
        List<TradingEvent> events = [new AdjustmentMoved(moved, locked.Status, by)];
        if (to != AdjustmentStatus.Approved)
        {
            events.Add(new AlertRaised(Alert.AdjustmentDecided(moved)));
        }

        return (moved, events);
    }
}
