using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// Approves or rejects a proposal, at most once. Callers of one proposal in this process take turns in memory
/// (<see cref="KeyedGate"/>); whoever has the turn takes the proposal's cross-process lock without waiting, and a
/// caller that finds another process executing it is told so (<see cref="OrderInProgressException"/>, HTTP 409). Under
/// both, an approval re-runs the risk
/// gate on fresh quotes, moves PROPOSED → APPROVED → EXECUTING, places the opening order (client order id =
/// <c>open-{request id}</c>) at the legs' current mid and walks it toward the bid (<see cref="PriceWalkPlanner"/>) until it is
/// final, cancelling what has not filled after <c>Execution:FillTimeoutSeconds</c>. Every status change of the order is recorded. Whatever filled opens the
/// position for the filled quantity (idempotent by request id) and only then is the proposal EXECUTED, with a
/// partial fill reported in the answer and the alert; nothing filled → FAILED with the reason. Repeated or
/// concurrent calls wait for the lock and answer from the stored state; a proposal left EXECUTING by a crash
/// or an unknown broker outcome is finished by the next call with the same client order id.
/// </summary>
public sealed class ApprovalService(
    IProposalStore proposals,
    ITradingJournal journal,
    IPositionStore positions,
    PositionManager positionManager,
    IMarketData marketData,
    OrderExecutor orders,
    RiskSnapshots snapshots,
    RiskGate gate,
    NyseCalendar calendar,
    ExecutionSettings execution,
    ExitRuleSettings rules,
    KeyedGate turns,
    PriceWalkPlanner walks,
    TimeProvider clock)
{
    public async Task<ApprovalOutcome> ApproveAsync(string requestId, string by, CancellationToken cancellationToken)
    {
        await using var held = await turns.EnterAsync(requestId, token => proposals.TryLockAsync(requestId, token), cancellationToken).ConfigureAwait(false)
            ?? throw OrderInProgressException.Approving(requestId);
        var proposal = await proposals.FindAsync(requestId, cancellationToken).ConfigureAwait(false)
            ?? throw new ProposalNotFoundException(requestId);
        var now = clock.GetUtcNow();
        switch (proposal.Status)
        {
            // Its order went out before (or never reached the broker): follow it, never send it late.
            case ProposalStatus.Executing:
                return await ResumeExecutingAsync(proposal, by, null, cancellationToken).ConfigureAwait(false)
                    ?? await AnswerAsync(proposal, cancellationToken).ConfigureAwait(false);
            case ProposalStatus.Proposed when proposal.ExpiresAt <= now:
                var expired = await DecideAsync(requestId, [ProposalStatus.Proposed], ProposalStatus.Expired, "system", ProposalBooking.WindowPassed, now, cancellationToken).ConfigureAwait(false);
                return await AnswerAsync(expired ?? proposal, cancellationToken).ConfigureAwait(false);
            // APPROVED: interrupted before its order was recorded. Approving again is a new decision: session and gate again.
            case ProposalStatus.Proposed:
            case ProposalStatus.Approved:
                break;
            default:
                return await AnswerAsync(proposal, cancellationToken).ConfigureAwait(false);
        }

        if (!execution.AllowOutsideSession && calendar.SessionAt(now) is null)
        {
            return ApprovalOutcome.Of(proposal, $"MARKET_CLOSED: opening orders are sent only during an NYSE session; still {proposal.Status.ToCode()}");
        }

        var strategy = proposal.Strategy();
        var decision = gate.CheckOpening(
            new OpeningOrder(requestId, strategy, proposal.Quantity, rules.ContractMultiplier),
            await SnapshotAsync(strategy, now, cancellationToken).ConfigureAwait(false));
        if (decision.Denial is { } denial)
        {
            var failed = await DecideAsync(requestId, [ProposalStatus.Proposed, ProposalStatus.Approved], ProposalStatus.Failed, by, $"refused by the risk gate: {denial}", now, cancellationToken).ConfigureAwait(false);
            return await AnswerAsync(failed ?? proposal, cancellationToken).ConfigureAwait(false);
        }

        var approved = proposal.Status == ProposalStatus.Approved
            ? proposal
            : await DecideAsync(requestId, [ProposalStatus.Proposed], ProposalStatus.Approved, by, decision.Summary, now, cancellationToken).ConfigureAwait(false)
              ?? throw new InvalidOperationException($"proposal {requestId} changed under its lock.");
        return await ExecuteAsync(approved, by, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ApprovalOutcome> RejectAsync(string requestId, string by, string? reason, CancellationToken cancellationToken)
    {
        await using var held = await turns.EnterAsync(requestId, token => proposals.TryLockAsync(requestId, token), cancellationToken).ConfigureAwait(false)
            ?? throw OrderInProgressException.Approving(requestId);
        var proposal = await proposals.FindAsync(requestId, cancellationToken).ConfigureAwait(false)
            ?? throw new ProposalNotFoundException(requestId);
        if (proposal.Status != ProposalStatus.Proposed)
        {
            return await AnswerAsync(proposal, cancellationToken).ConfigureAwait(false);
        }

        var rejected = await DecideAsync(requestId, [ProposalStatus.Proposed], ProposalStatus.Rejected, by, reason ?? "rejected", clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return await AnswerAsync(rejected ?? proposal, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Finishes a proposal an interrupted approval left APPROVED or EXECUTING (recovery, at start-up and every minute).
    /// APPROVED means the opening order was never recorded, so never sent: the proposal FAILS rather than trade late on
    /// an old decision. EXECUTING asks the broker for <c>open-{request id}</c>: unknown there → FAILED, nothing sent;
    /// known → followed to a final state and booked. Null when it needs nothing, someone else holds it now, or its order
    /// (recorded at <paramref name="orderRecordedAt"/>) is too young to conclude the broker never received it.
    /// </summary>
    public async Task<ApprovalOutcome?> ResumeAsync(string requestId, CancellationToken cancellationToken, DateTimeOffset? orderRecordedAt = null)
    {
        await using var held = await turns.TryEnterAsync(requestId, token => proposals.TryLockAsync(requestId, token), cancellationToken).ConfigureAwait(false);
        if (held is null || await proposals.FindAsync(requestId, cancellationToken).ConfigureAwait(false) is not { } proposal)
        {
            return null;
        }

        switch (proposal.Status)
        {
            case ProposalStatus.Approved:
                var failed = await DecideAsync(requestId, [ProposalStatus.Approved], ProposalStatus.Failed, ExitService.RecoveryActor,
                    "interrupted before its opening order was sent; not sent late", clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                return await AnswerAsync(failed ?? proposal, cancellationToken).ConfigureAwait(false);
            case ProposalStatus.Executing:
                return await ResumeExecutingAsync(proposal, ExitService.RecoveryActor, orderRecordedAt, cancellationToken).ConfigureAwait(false);
            default:
                return null;
        }
    }

    /// <summary>
    /// The answer for the proposal as it stands, without acting on it: what a message shows when the decision was
    /// taken elsewhere (the CLI, another approver, the expiry job).
    /// </summary>
    public async Task<ApprovalOutcome> CurrentAsync(string requestId, CancellationToken cancellationToken)
    {
        var proposal = await proposals.FindAsync(requestId, cancellationToken).ConfigureAwait(false)
            ?? throw new ProposalNotFoundException(requestId);
        return await AnswerAsync(proposal, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An EXECUTING proposal: follow its order if the broker has it, else fail it — never send it late.</summary>
    /// <returns>Null when the broker does not know the order yet but it was recorded (<paramref name="orderRecordedAt"/>)
    /// too recently to believe that: a send may still be in flight, so it is asked again later.</returns>
    private async Task<ApprovalOutcome?> ResumeExecutingAsync(TradeProposal executing, string by, DateTimeOffset? orderRecordedAt, CancellationToken cancellationToken)
    {
        var clientOrderId = OpeningOrderId(executing.RequestId);
        if (await orders.LookUpAsync(clientOrderId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return await ExecuteAsync(executing, by, cancellationToken).ConfigureAwait(false);
        }

        var now = clock.GetUtcNow();
        if (orderRecordedAt is { } recorded && now - recorded < execution.NeverReceivedAfter)
        {
            return null;
        }

        // Recorded first in the same entry, in case the crash came before the order was: the refusal needs its row.
        var (failed, events) = ExecutionBooking.Failed(executing, OrderState.Rejected(clientOrderId, executing.Quantity, "the broker never received it; not sent late", now),
            "interrupted before the order reached the broker; not sent late", BreakerFeed.None, by, now);
        await CommitAsync([ExecutionBooking.Submitted(executing, OrderTicket.ToOpen(executing.Strategy(), executing.Quantity, clientOrderId, now), by), .. events], now, cancellationToken).ConfigureAwait(false);
        return await AnswerAsync(failed, cancellationToken).ConfigureAwait(false);
    }

    private static string OpeningOrderId(string requestId) => $"open-{requestId}";

    private async Task<ApprovalOutcome> ExecuteAsync(TradeProposal proposal, string by, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var resumed = proposal.Status == ProposalStatus.Executing;
        var strategy = proposal.Strategy();
        var ticket = OrderTicket.ToOpen(strategy, proposal.Quantity, OpeningOrderId(proposal.RequestId), now);
        // A fresh order walks from today's mid; one already sent (resumed) is followed as it stands, never re-priced.
        var walk = resumed ? null : await walks.ForOpenAsync(ticket, strategy, now, cancellationToken).ConfigureAwait(false);
        ticket = ticket with { LimitPrice = walk?.Start ?? ticket.LimitPrice };
        // EXECUTING and the order's record in one transaction: a crash leaves APPROVED (failed by recovery, nothing was
        // sent) or EXECUTING with its order on record (asked of the broker), never EXECUTING without it.
        var executing = resumed
            ? await RecordOrderAsync(proposal, ticket, by, now, cancellationToken).ConfigureAwait(false)
            : await StartExecutingAsync(proposal.RequestId, ticket, by, now, cancellationToken).ConfigureAwait(false)
              ?? throw new InvalidOperationException($"proposal {proposal.RequestId} changed under its lock.");

        OrderState outcome;
        try
        {
            outcome = await orders.ExecuteAsync(
                ticket, walk, by, (state, token) => CommitAsync(ExecutionBooking.Progress(executing, state, by), clock.GetUtcNow(), token), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Unknown outcome: stay EXECUTING with the order UNKNOWN; recovery (or approving again) asks the broker
            // with the same client order id.
            var error = $"broker error, outcome unknown ({e.Message})";
            await CommitAsync(ExecutionBooking.Unknown(executing, ticket.ClientOrderId, error, by), clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return ApprovalOutcome.Of(executing, $"{error}; recovery asks the broker again within a minute");
        }

        // A credit strategy opened for a debit would mean crossed quotes: never book it.
        if (outcome is not { FilledQuantity: > 0, NetPrice: { } net } || -net <= 0m)
        {
            var reason = outcome.FilledQuantity > 0 ? $"filled for a debit ({outcome.NetPrice})" : outcome.Reason ?? "not filled";
            var feed = outcome.FilledQuantity > 0 ? BreakerFeed.Error : OrderLifecycle.FeedFor(outcome.Status, 0);
            var failedAt = clock.GetUtcNow();
            var (failed, events) = ExecutionBooking.Failed(executing, outcome, reason, feed, by, failedAt);
            if (outcome.FilledQuantity > 0)
            {
                // Something opened at the broker that we cannot book: nothing manages it. Stop every order until a person does.
                await UnbookedFill.CommitHaltingAsync(journal, events, outcome, reason, by, failedAt, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await CommitAsync(events, failedAt, cancellationToken).ConfigureAwait(false);
            }

            return await AnswerAsync(failed, cancellationToken).ConfigureAwait(false);
        }

        var opened = await positionManager.OpenAsync(new OpenPositionRequest
        {
            RequestId = executing.RequestId,
            Strategy = executing.StrategyType,
            Ticker = executing.Ticker,
            Expiration = executing.Expiration,
            ShortStrike = executing.ShortStrike,
            LongStrike = executing.LongStrike,
            Credit = PriceRules.BrokerPrice(-net),
            Quantity = outcome.FilledQuantity,
            Fees = PriceRules.BrokerAmount(outcome.Fees),
            OpenedAt = outcome.At,
            ScalesPositionId = executing.ScalesPositionId,
            Actor = by,
        }, cancellationToken).ConfigureAwait(false);
        var bookedAt = clock.GetUtcNow();
        var (executed, booked) = ExecutionBooking.Executed(executing, outcome, opened.Position.PositionId, by, bookedAt);
        await CommitAsync(booked, bookedAt, cancellationToken).ConfigureAwait(false);
        return await AnswerAsync(executed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves the proposal (<see cref="ProposalBooking.Move"/>) under its row lock; null when it was in none of <paramref name="from"/>.</summary>
    private async Task<TradeProposal?> DecideAsync(
        string requestId, IReadOnlyList<ProposalStatus> from, ProposalStatus to, string by, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false);
        if (await entry.LockProposalAsync(requestId, cancellationToken).ConfigureAwait(false) is not { } locked
            || ProposalBooking.Move(locked, from, to, by, reason, now) is not { } decided)
        {
            return null;
        }

        await entry.CommitAsync(decided.Events, now, cancellationToken).ConfigureAwait(false);
        return decided.Moved;
    }

    /// <summary>APPROVED → EXECUTING under the proposal's row lock, with its opening order recorded in the same entry; null when it was not APPROVED.</summary>
    private async Task<TradeProposal?> StartExecutingAsync(string requestId, OrderTicket ticket, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false);
        if (await entry.LockProposalAsync(requestId, cancellationToken).ConfigureAwait(false) is not { } locked
            || ProposalBooking.Move(locked, [ProposalStatus.Approved], ProposalStatus.Executing, by, null, now) is not { } decided)
        {
            return null;
        }

        await entry.CommitAsync([.. decided.Events, ExecutionBooking.Submitted(decided.Moved, ticket, by)], now, cancellationToken).ConfigureAwait(false);
        return decided.Moved;
    }

    private async Task<TradeProposal> RecordOrderAsync(TradeProposal executing, OrderTicket ticket, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await CommitAsync([ExecutionBooking.Submitted(executing, ticket, by)], now, cancellationToken).ConfigureAwait(false);
        return executing;
    }

    private async Task CommitAsync(IReadOnlyList<TradingEvent> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false);
        await entry.CommitAsync(events, now, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RiskSnapshot> SnapshotAsync(CreditStrategy strategy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await positions.ListAsync(PositionStatusFilter.Open, null, cancellationToken).ConfigureAwait(false);
        var snapshot = await snapshots.CurrentAsync(open, [strategy.Underlying], now, cancellationToken).ConfigureAwait(false);
        return snapshot with { Quote = await FreshQuoteAsync(strategy, now, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>The legs' current net mid credit; null (no quote, so the gate denies) when a leg is unquoted.</summary>
    private async Task<OrderQuote?> FreshQuoteAsync(CreditStrategy strategy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        decimal mid = 0m;
        DateTimeOffset? oldest = null;
        var usable = true;
        foreach (var leg in strategy.Legs)
        {
            var quote = await marketData.GetOptionQuoteAsync(leg.Contract, now, cancellationToken).ConfigureAwait(false);
            if (quote?.Mid is not { } legMid)
            {
                return null;
            }

            usable &= quote is { Bid: > 0m, Ask: { } ask } && quote.Bid <= ask;
            mid += leg.Side == LegSide.Short ? legMid : -legMid;
            oldest = oldest is null || quote.Timestamp < oldest ? quote.Timestamp : oldest;
        }

        return new OrderQuote(mid, oldest, usable);
    }

    /// <summary>The answer every caller gets for a settled proposal, built from the stored rows only.</summary>
    private async Task<ApprovalOutcome> AnswerAsync(TradeProposal proposal, CancellationToken cancellationToken)
    {
        if (proposal is { Status: ProposalStatus.Executed, PositionId: { } positionId }
            && await positions.FindAsync(positionId, cancellationToken).ConfigureAwait(false) is { } position)
        {
            var partial = position.Quantity < proposal.Quantity
                ? $"; partial fill: {position.Quantity} of {proposal.Quantity} contracts, {proposal.Quantity - position.Quantity} cancelled"
                : "";
            return ApprovalOutcome.Of(proposal, $"executed: position {positionId} opened at a credit of {position.EntryPrice:0.00##}{partial}", position.EntryPrice);
        }

        return ApprovalOutcome.Of(proposal, proposal.Status switch
        {
            ProposalStatus.Rejected => $"rejected by {proposal.DecidedBy}: {proposal.DecisionReason}",
            ProposalStatus.Expired => "expired; not executed",
            ProposalStatus.Failed => $"failed: {proposal.DecisionReason}",
            _ => proposal.Status.ToCode(),
        });
    }
}
