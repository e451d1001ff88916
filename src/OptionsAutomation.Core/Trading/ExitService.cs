using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// The exit automation: marks every open position, applies the exit rules, and for each EXIT sends a
/// closing order (for the whole open quantity, or a scale-out's part of it) through the risk gate's closing check (HALTED sends nothing and alerts once per position and
/// day). Fills are what close: a complete fill closes the position, a partial one (the rest cancelled after
/// <c>Execution:FillTimeoutSeconds</c>) closes the filled contracts and leaves the rest OPEN. A rejected order leaves it
/// OPEN and alerts; a broker call without an answer leaves the order UNKNOWN for <see cref="OrderRecoveryService"/>.
/// At most one closing order per position is at work: a second caller is told so and sends nothing.
/// </summary>
public sealed class ExitService(
    IPositionStore positions,
    MarkToMarketService marks,
    ICloseLedger ledger,
    ITradingJournal journal,
    IAlertQueue alerts,
    OrderExecutor orders,
    ITradingControls controls,
    KeyedGate turns,
    ExitRuleSettings rules,
    NyseCalendar calendar,
    ExecutionSettings execution,
    PriceWalkPlanner walks,
    TimeProvider clock)
{
    public const string Actor = "exit-job";

    /// <param name="asOf">The instant to evaluate at (now for the job, any instant for replays).</param>
    /// <param name="execute">False for a dry run: decide only, write nothing, send nothing.</param>
    public async Task<IReadOnlyList<ExitCheck>> RunAsync(DateTimeOffset asOf, bool execute, CancellationToken cancellationToken)
    {
        var open = await positions.ListAsync(PositionStatusFilter.Open, null, cancellationToken).ConfigureAwait(false);
        var checks = new List<ExitCheck>(open.Count);
        // The exit rules are option rules; shares from an assignment are marked by the mark job only.
        // A replay as of an earlier instant skips positions that did not exist yet.
        foreach (var batch in open.Where(p => IsSwept(p, asOf)).Chunk(MarkToMarketService.BatchSize))
        {
            foreach (var swept in await SweepBatchAsync(batch, asOf, execute, cancellationToken).ConfigureAwait(false))
            {
                checks.Add(swept.Check);
            }
        }

        return checks;
    }

    /// <summary>Whether the exit sweep as of <paramref name="asOf"/> judges <paramref name="position"/>.</summary>
    public static bool IsSwept(Position position, DateTimeOffset asOf) => position.IsOption && position.EntryDate <= asOf;

    /// <summary>
    /// One batch of the sweep: marks it (with <paramref name="execute"/>, its marks stored in one transaction), decides,
    /// and only after that transaction committed sends the closing orders for the EXITs, one position at a time through
    /// the close path (its lock and the order state machine) — no broker call while the batch's rows are locked.
    /// </summary>
    public async Task<IReadOnlyList<SweptPosition>> SweepBatchAsync(IReadOnlyList<Position> batch, DateTimeOffset asOf, bool execute, CancellationToken cancellationToken)
    {
        var marked = await marks.MarkBatchAsync(batch, asOf, persist: execute, cancellationToken).ConfigureAwait(false);
        var today = MarketTime.DateOf(asOf);
        var swept = new SweptPosition[marked.Count];
        for (var i = 0; i < marked.Count; i++)
        {
            var position = marked[i];
            var decision = ExitRules.Evaluate(position.Position, position.Mark, today, rules);
            var check = execute && decision is { Decision: ExitDecisionKind.Exit, Reason: { } reason }
                ? await TryCloseAsync(position.Position, decision, reason, asOf, cancellationToken).ConfigureAwait(false)
                : new ExitCheck(position.Position, decision, null, null);
            swept[i] = new SweptPosition(position, check);
        }

        return swept;
    }

    private async Task<ExitCheck> TryCloseAsync(Position position, ExitDecision decision, ExitReason reason, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        try
        {
            return await CloseAsync(position, decision, reason, asOf, cancellationToken).ConfigureAwait(false);
        }
        catch (TradingRuleException e)
        {
            // E.g. closed by hand between the mark and the fill: report it and go on with the others.
            return new ExitCheck(position, decision, null, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One position's failure (the database, the broker) must not keep the others' stops from being judged; its
            // order, if one was recorded, stays working for recovery.
            return new ExitCheck(position, decision, null, $"failed: {e.Message}");
        }
    }

    /// <summary>
    /// Closes one open option position now, at a person's request (reason <c>manual</c>), through the same order
    /// path as the exit rules: PENDING order, broker, a fill closes. The result says whether it closed and why not.
    /// </summary>
    /// <exception cref="PositionNotFoundException">when there is no such position.</exception>
    /// <exception cref="PositionNotOpenException">when it is no longer open.</exception>
    /// <exception cref="MarketClosedException">outside an NYSE session, unless <c>Execution:AllowOutsideSession</c>.</exception>
    /// <exception cref="TradingHaltedException">while the trading state is HALTED.</exception>
    /// <exception cref="OrderInProgressException">while a closing order for it is still working.</exception>
    public Task<ExitCheck> CloseManuallyAsync(long positionId, string actor, CancellationToken cancellationToken) =>
        CloseManuallyAsync(positionId, actor, walk: true, cancellationToken);

    /// <param name="walk">
    /// False for an emergency reduction: every position out now at the touch, not one price walk after another.
    /// </param>
    public Task<ExitCheck> CloseManuallyAsync(long positionId, string actor, bool walk, CancellationToken cancellationToken) =>
        CloseManuallyAsync(positionId, actor, null, ExitReason.Manual, walk, cancellationToken);

    /// <summary>
    /// Closes <paramref name="contracts"/> of an open option position (null: all of it) at a person's request, for
    /// <paramref name="reason"/> (<c>manual</c>, or <c>adjustment</c> for an approved recommendation), through the same
    /// order path. A part closed leaves the rest OPEN with its own terms scaled down (<see cref="Position.Reduce"/>).
    /// </summary>
    /// <exception cref="PositionRuleException">when <paramref name="contracts"/> is below one or above the open quantity.</exception>
    public async Task<ExitCheck> CloseManuallyAsync(
        long positionId, string actor, int? contracts, ExitReason reason, bool walk, CancellationToken cancellationToken)
    {
        var position = await positions.FindAsync(positionId, cancellationToken).ConfigureAwait(false)
            ?? throw new PositionNotFoundException(positionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (position.Status != PositionStatus.Open)
        {
            throw new PositionNotOpenException(positionId, position.Status);
        }

        if (!position.IsOption)
        {
            throw new PositionRuleException([$"position {positionId} holds shares; close it at the broker and record it with positions close."]);
        }

        if (contracts is { } count && (count < 1 || count > position.Quantity))
        {
            throw new PositionRuleException([string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"position {positionId} has {position.Quantity} open contract(s); cannot close {count}.")]);
        }

        var asOf = clock.GetUtcNow();
        if (!execution.AllowOutsideSession && calendar.SessionAt(asOf) is null)
        {
            throw new MarketClosedException(positionId);
        }

        if (!RiskGate.CheckClosing((await controls.GetAsync(cancellationToken).ConfigureAwait(false)).State).Allowed)
        {
            throw TradingHaltedException.Closing(positionId);
        }

        var marked = await marks.MarkAsync(position, asOf, persist: true, cancellationToken).ConfigureAwait(false);
        var decision = new ExitDecision(positionId, ExitDecisionKind.Exit, reason, $"closed by {actor}",
            marked.Mark.Price, marked.Position.UnrealizedPnl, position.DaysToExpiry(MarketTime.DateOf(asOf)));
        return await CloseAsync(marked.Position, decision, reason, contracts, asOf, ExecutedBy.Manual, actor, walk, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An exit rule's close: the whole open quantity, or the decision's contracts (a scale-out).</summary>
    private Task<ExitCheck> CloseAsync(Position position, ExitDecision decision, ExitReason reason, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        CloseAsync(position, decision, reason, decision.Contracts, asOf, ExecutedBy.Auto, Actor, walk: true, cancellationToken);

    /// <summary>
    /// Finishes a closing order left working by a crash or an unanswered broker call: asks the broker by its client order
    /// id; one the broker never saw is REJECTED once it is older than <see cref="ExecutionSettings.NeverReceivedAfter"/>
    /// (nothing traded, nothing is sent late — the next exit tick decides afresh); one it knows is followed to a final state (cancelled once <c>Execution:FillTimeoutSeconds</c> passes) and
    /// booked like any close. Null when someone else is working on it now.
    /// </summary>
    public async Task<ExitCheck?> ResumeCloseAsync(WorkingOrder order, CancellationToken cancellationToken)
    {
        var positionId = order.PositionId ?? throw new InvalidOperationException($"closing order {order.ClientOrderId} has no position.");
        await using var held = await TryTakeCloseAsync(positionId, cancellationToken).ConfigureAwait(false);
        if (held is null || !await ledger.IsOrderWorkingAsync(order.ClientOrderId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var position = await positions.FindAsync(positionId, cancellationToken).ConfigureAwait(false)
            ?? throw new PositionNotFoundException(positionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var reason = order.Reason is { } code ? DomainCodes.Parse<ExitReason>(code) : ExitReason.Manual;
        var now = clock.GetUtcNow();
        var decision = new ExitDecision(positionId, ExitDecisionKind.Exit, reason, $"closing order {order.ClientOrderId} resumed by recovery",
            position.MarkPrice, position.UnrealizedPnl, position.IsOption ? position.DaysToExpiry(MarketTime.DateOf(now)) : 0);
        var known = await orders.LookUpAsync(order.ClientOrderId, cancellationToken).ConfigureAwait(false);
        if (known is null && now - order.CreatedAt < execution.NeverReceivedAfter)
        {
            // Too young to believe "never seen": a send may still be in flight. Asked again next run.
            return null;
        }

        // The order closes what it was recorded for: part of the position, or all of it as it was then.
        var contracts = Math.Min(order.Quantity ?? position.Quantity, position.Quantity);
        if (known is null)
        {
            var never = OrderState.Rejected(order.ClientOrderId, contracts, "the broker never received it; not sent late", now);
            return await BookAsync(position, decision, reason, never, ExecutedBy.Auto, RecoveryActor, cancellationToken).ConfigureAwait(false);
        }

        var outcome = await orders.ExecuteAsync(OrderTicket.ToClose(position, contracts, order.ClientOrderId, now),
            (state, token) => CommitAsync(CloseBooking.Progress(position, state, RecoveryActor), token), cancellationToken).ConfigureAwait(false);
        return await BookAsync(position, decision, reason, outcome, reason == ExitReason.Manual ? ExecutedBy.Manual : ExecutedBy.Auto, RecoveryActor, cancellationToken).ConfigureAwait(false);
    }

    public const string RecoveryActor = "recovery";

    /// <summary>The position's close turn, in this process and across workers; null when someone else is closing it.</summary>
    private Task<IAsyncDisposable?> TryTakeCloseAsync(long positionId, CancellationToken cancellationToken) =>
        turns.TryEnterAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"close-{positionId}"),
            token => ledger.TryLockCloseAsync(positionId, token), cancellationToken);

    /// <param name="contracts">How many to close; null: all that are open when the order is recorded.</param>
    private async Task<ExitCheck> CloseAsync(
        Position position, ExitDecision decision, ExitReason reason, int? contracts, DateTimeOffset asOf, ExecutedBy executedBy, string actor, bool walk,
        CancellationToken cancellationToken)
    {
        // One close per position at a time, in this process (in memory) and across workers (an advisory lock): a second
        // caller is told a close is in progress and sends nothing.
        await using var held = await TryTakeCloseAsync(position.PositionId, cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            throw new OrderInProgressException($"IN_PROGRESS: position {position.PositionId} is being closed by another caller; no second order was sent — try again for its outcome.");
        }

        var gate = RiskGate.CheckClosing((await controls.GetAsync(cancellationToken).ConfigureAwait(false)).State);
        if (gate.Denial is { } denial)
        {
            if (executedBy == ExecutedBy.Manual)
            {
                throw TradingHaltedException.Closing(position.PositionId);
            }

            await alerts.EnqueueAsync(Alert.ExitBlocked(position, reason, denial.ToString(), MarketTime.DateOf(asOf)), clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return new ExitCheck(position, decision, null, $"not sent: {denial}");
        }

        // The walk's prices are per unit, so the position as read before its row lock plans the same walk.
        var pricing = await walks.ForCloseAsync(position, asOf, walk, cancellationToken).ConfigureAwait(false);
        if (pricing.Natural is < 0m and var credit)
        {
            // Crossed quotes between strikes: a fill would be a credit the book refuses, and an unbooked fill halts trading.
            var crossed = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"CROSSED_QUOTES: closing at the quotes would be a credit ({credit})");
            await alerts.EnqueueAsync(Alert.ExitBlocked(position, reason, crossed, MarketTime.DateOf(asOf)), clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return new ExitCheck(position, decision, null, $"not sent: {crossed}");
        }

        var prices = pricing.Walk;
        var (current, ticket) = await BeginCloseAsync(position.PositionId, reason, contracts, prices?.Start, asOf, actor, cancellationToken).ConfigureAwait(false);
        var clientOrderId = ticket.ClientOrderId;
        OrderState outcome;
        try
        {
            outcome = await orders.ExecuteAsync(
                ticket, prices, actor, (state, token) => CommitAsync(CloseBooking.Progress(current, state, actor), token), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var error = $"broker error, outcome unknown: {e.Message}";
            await CommitAsync(CloseBooking.Failed(current, reason, clientOrderId, null, error, actor), cancellationToken).ConfigureAwait(false);
            return new ExitCheck(current, decision, null, error);
        }

        return await BookAsync(current, decision, reason, outcome, executedBy, actor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Under the position's row lock: re-reads it, is refused unless it is still OPEN or while a closing order for it is at
    /// work (so a second caller never sends a second order — the partial unique index <c>orders_one_working_close</c>
    /// backs this), and records the PENDING closing order for <paramref name="contracts"/> (null: its current open quantity)
    /// at <paramref name="limitPrice"/> (the walk's first price; null: marketable) before it is sent.
    /// </summary>
    /// <returns>The position as locked and the order's ticket, priced as of <paramref name="asOf"/>.</returns>
    private async Task<(Position Position, OrderTicket Ticket)> BeginCloseAsync(
        long positionId, ExitReason reason, int? contracts, decimal? limitPrice, DateTimeOffset asOf, string actor, CancellationToken cancellationToken)
    {
        await using var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false);
        var current = await entry.LockPositionAsync(positionId, byClosingOrder: false, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var (ticket, events) = CloseBooking.Begin(current, reason, limitPrice, actor, now, contracts);
        await entry.CommitAsync(events, now, cancellationToken).ConfigureAwait(false);
        return (current, ticket with { AsOf = asOf });
    }

    /// <summary>
    /// Books a final closing order: what filled closes (the whole position or that many contracts), nothing filled
    /// leaves the position OPEN with an alert. Shared by a close and by recovery finishing an interrupted one.
    /// </summary>
    private async Task<ExitCheck> BookAsync(
        Position position, ExitDecision decision, ExitReason reason, OrderState outcome, ExecutedBy executedBy, string actor, CancellationToken cancellationToken)
    {
        // Closing a credit spread for a credit would mean crossed quotes: never book it.
        if (outcome is { FilledQuantity: > 0, NetPrice: { } debit } && debit >= 0m)
        {
            // The fill reduces the position as it stands under its row lock, in the transaction that books it.
            await using var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false);
            var locked = await entry.LockPositionAsync(position.PositionId, byClosingOrder: true, cancellationToken).ConfigureAwait(false);
            var now = clock.GetUtcNow();
            var (closed, events) = CloseBooking.Filled(locked, outcome, debit, reason, executedBy, actor, now);
            await entry.CommitAsync(events, now, cancellationToken).ConfigureAwait(false);
            // A part of the position the order was for is no problem; part of the order left unfilled is.
            return new ExitCheck(closed.Position, decision, closed, outcome.FilledQuantity < outcome.Quantity ? Rejection(outcome) : null);
        }

        var rejection = Rejection(outcome);
        var failed = CloseBooking.Failed(position, reason, outcome.ClientOrderId, outcome, rejection, actor);
        if (outcome.FilledQuantity > 0)
        {
            // Contracts traded that we cannot book: the position as stored is wrong, and another closing order for it
            // could open the other side. Stop every order until a person reconciles it with the broker.
            await UnbookedFill.CommitHaltingAsync(journal, failed, outcome, rejection, actor, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await CommitAsync(failed, cancellationToken).ConfigureAwait(false);
        }

        return new ExitCheck(position, decision, null, rejection);
    }

    private async Task CommitAsync(IReadOnlyList<TradingEvent> events, CancellationToken cancellationToken)
    {
        await using var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false);
        await entry.CommitAsync(events, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    private static string Rejection(OrderState outcome) => outcome switch
    {
        { Status: OrderStatus.Filled } => $"filled for a credit ({outcome.NetPrice})",
        { FilledQuantity: > 0 } =>
            $"partially filled {outcome.FilledQuantity} of {outcome.Quantity}, the rest {outcome.Reason ?? "cancelled"}; {outcome.UnfilledQuantity} stay OPEN",
        _ => outcome.Reason ?? "not filled",
    };
}
