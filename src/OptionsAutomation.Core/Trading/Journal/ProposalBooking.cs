using OptionsAutomation.Core.Proposals;

namespace OptionsAutomation.Core.Trading.Journal;

/// <summary>What a decision on a proposal means for the book: the events the approval and expiry use cases commit.</summary>
public static class ProposalBooking
{
    /// <summary>Why the system expires a proposal nobody decided in time.</summary>
    public const string WindowPassed = "approval window passed";

    /// <summary>A new proposal (just created): audited, and its card goes to the approvers.</summary>
    public static IReadOnlyList<TradingEvent> Proposed(TradeProposal created, string actor) =>
        [new ProposalCreated(created, actor), new AlertRaised(Alert.Proposed(created))];

    /// <summary>The risk gate refused a screened trade: audited, and people are told why.</summary>
    public static IReadOnlyList<TradingEvent> Denied(string requestId, string denial, string actor) =>
        [new RiskDenied(requestId, denial, actor), new AlertRaised(Alert.RiskDenied(requestId, denial))];

    /// <summary>
    /// The proposal as locked moves to <paramref name="to"/>, decided by <paramref name="by"/> (the reason kept when none
    /// is given); rejected, expired and failed proposals alert (<see cref="Alert.OnTransition"/>). Null when it is in none
    /// of <paramref name="from"/>: someone decided it first, and nothing changes.
    /// </summary>
    public static (TradeProposal Moved, IReadOnlyList<TradingEvent> Events)? Move(
        TradeProposal locked, IReadOnlyList<ProposalStatus> from, ProposalStatus to, string by, string? reason, DateTimeOffset now)
    {
        if (!from.Contains(locked.Status))
        {
            return null;
        }

        var moved = locked with { Status = to, DecidedBy = by, DecidedAt = now, DecisionReason = reason ?? locked.DecisionReason, UpdatedAt = now };
        List<TradingEvent> events = [new ProposalDecided(moved, locked.Status, by, reason)];
        if (Alert.OnTransition(moved) is { } alert)
        {
            events.Add(new AlertRaised(alert));
        }

        return (moved, events);
    }

    /// <summary>A PROPOSED proposal whose approval window passed: EXPIRED by the system, with its alert.</summary>
    public static (TradeProposal Moved, IReadOnlyList<TradingEvent> Events) Expire(TradeProposal due, DateTimeOffset now) =>
        Move(due, [ProposalStatus.Proposed], ProposalStatus.Expired, "system", WindowPassed, now)
        ?? throw new InvalidOperationException($"proposal {due.RequestId} is {due.Status}, not PROPOSED; only a PROPOSED one expires.");
}
