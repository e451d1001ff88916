using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// The exit automation: marks every open position, applies the exit rules, and for each EXIT sends a
/// closing order; only a complete fill closes the position. A rejected or failed order leaves it OPEN and
/// alerts. Closing orders are marketable, so a paper close fills at once; one that works past
/// <c>Execution:FillTimeoutSeconds</c> is cancelled. A close that filled only in part leaves the position OPEN
/// at its full size and is reported as a failure to reconcile by hand: positions close whole.
/// </summary>
public sealed class ExitService(
    IPositionStore positions,
    MarkToMarketService marks,
    IExitLedger ledger,
    OrderExecutor orders,
    ExitRuleSettings rules,
    NyseCalendar calendar,
    ExecutionSettings execution,
    TimeProvider clock)
{
    public const string Actor = "exit-job";

    /// <param name="asOf">The instant to evaluate at (now for the job, any instant for replays).</param>
    /// <param name="execute">False for a dry run: decide only, write nothing, send nothing.</param>
    public async Task<IReadOnlyList<ExitCheck>> RunAsync(DateTimeOffset asOf, bool execute, CancellationToken cancellationToken)
    {
        var open = await positions.ListAsync(PositionStatusFilter.Open, null, cancellationToken).ConfigureAwait(false);
        var today = MarketTime.DateOf(asOf);
        var checks = new List<ExitCheck>(open.Count);
        // The exit rules are option rules; shares from an assignment are marked by the mark job only.
        // A replay as of an earlier instant skips positions that did not exist yet.
        foreach (var position in open.Where(p => p.IsOption && p.EntryDate <= asOf))
        {
            var marked = await marks.MarkAsync(position, asOf, persist: execute, cancellationToken).ConfigureAwait(false);
            var decision = ExitRules.Evaluate(marked.Position, marked.Mark, today, rules);
            if (!execute || decision is not { Decision: ExitDecisionKind.Exit, Reason: { } reason })
            {
                checks.Add(new ExitCheck(marked.Position, decision, null, null));
                continue;
            }

            try
            {
                checks.Add(await CloseAsync(marked.Position, decision, reason, asOf, cancellationToken).ConfigureAwait(false));
            }
            catch (TradingRuleException e)
            {
                // E.g. closed by hand between the mark and the fill: report it and go on with the others.
                checks.Add(new ExitCheck(marked.Position, decision, null, e.Message));
            }
        }

        return checks;
    }

    /// <summary>
    /// Closes one open option position now, at a person's request (reason <c>manual</c>), through the same order
    /// path as the exit rules: PENDING order, broker, a fill closes. The result says whether it closed and why not.
    /// </summary>
    /// <exception cref="PositionNotFoundException">when there is no such position.</exception>
    /// <exception cref="PositionNotOpenException">when it is no longer open.</exception>
    /// <exception cref="MarketClosedException">outside an NYSE session, unless <c>Execution:AllowOutsideSession</c>.</exception>
    public async Task<ExitCheck> CloseManuallyAsync(long positionId, string actor, CancellationToken cancellationToken)
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

        var asOf = clock.GetUtcNow();
        if (!execution.AllowOutsideSession && calendar.SessionAt(asOf) is null)
        {
            throw new MarketClosedException(positionId);
        }

        var marked = await marks.MarkAsync(position, asOf, persist: true, cancellationToken).ConfigureAwait(false);
        var decision = new ExitDecision(positionId, ExitDecisionKind.Exit, ExitReason.Manual, $"closed by {actor}",
            marked.Mark.Price, marked.Position.UnrealizedPnl, position.DaysToExpiry(MarketTime.DateOf(asOf)));
        return await CloseAsync(marked.Position, decision, ExitReason.Manual, asOf, ExecutedBy.Manual, actor, cancellationToken).ConfigureAwait(false);
    }

    private Task<ExitCheck> CloseAsync(Position position, ExitDecision decision, ExitReason reason, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        CloseAsync(position, decision, reason, asOf, ExecutedBy.Auto, Actor, cancellationToken);

    private async Task<ExitCheck> CloseAsync(
        Position position, ExitDecision decision, ExitReason reason, DateTimeOffset asOf, ExecutedBy executedBy, string actor, CancellationToken cancellationToken)
    {
        var clientOrderId = await ledger.BeginCloseAsync(position, reason, actor, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var ticket = OrderTicket.ToClose(position, clientOrderId, asOf);
        OrderState outcome;
        try
        {
            outcome = await orders.ExecuteAsync(ticket, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var error = $"broker error: {e.Message}";
            await ledger.RecordFailedCloseAsync(position, clientOrderId, error, outcomeUnknown: true,
                Alert.ExitFailed(position, reason, clientOrderId, error), actor, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return new ExitCheck(position, decision, null, error);
        }

        // Closing a credit spread for a credit would mean crossed quotes: never book it.
        if (outcome is { Status: OrderStatus.Filled, NetPrice: { } debit } && debit >= 0m)
        {
            var closed = await ledger.CompleteCloseAsync(
                position.PositionId,
                outcome,
                p => p.Close(new PositionExit(debit, reason, outcome.At, executedBy, actor, outcome.Fees), clock.GetUtcNow()),
                actor,
                clock.GetUtcNow(),
                cancellationToken).ConfigureAwait(false);
            return new ExitCheck(closed.Position, decision, closed, null);
        }

        var rejection = Rejection(outcome);
        await ledger.RecordFailedCloseAsync(position, clientOrderId, rejection, outcomeUnknown: false,
            Alert.ExitFailed(position, reason, clientOrderId, rejection), actor, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return new ExitCheck(position, decision, null, rejection);
    }

    private static string Rejection(OrderState outcome) => outcome switch
    {
        { Status: OrderStatus.Filled } => $"filled for a credit ({outcome.NetPrice})",
        { FilledQuantity: > 0 } =>
            $"partially filled {outcome.FilledQuantity} of {outcome.Quantity}, the rest {outcome.Reason ?? "cancelled"}; the position stays OPEN at full size: reconcile with the broker",
        _ => outcome.Reason ?? "not filled",
    };
}
