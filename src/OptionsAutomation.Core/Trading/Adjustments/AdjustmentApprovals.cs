using System.Globalization;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>
/// Decides a recommendation, at most once, and executes an approved one. Callers of one recommendation in this process
/// take turns in memory (<see cref="KeyedGate"/>); whoever has the turn takes its cross-process lock without waiting (a
/// caller finding another process on it is told so, <see cref="OrderInProgressException"/>). Under both, an approval of
/// a PENDING recommendation whose position is still open moves it to APPROVED and executes it: a roll through
/// <see cref="IRollExecutor"/> with client order id <c>roll-{id}</c>, a close or reduction through the exit path's partial
/// close (exit reason <c>adjustment</c>); then EXECUTED or FAILED. Any other status answers from what is stored, so a
/// repeat or concurrent approval never sends a second order. An APPROVED roll (interrupted, or its order still working)
/// is followed by asking the executor again with the same client order id; an APPROVED close or reduction is never sent
/// again — its order may have gone out — and FAILS for a person to check.
/// </summary>
public sealed class AdjustmentApprovals(
    IAdjustmentStore adjustments,
    IOrderRecords orders,
    ITradingJournal journal,
    IPositionStore positions,
    ExitService exits,
    IRollExecutor rolls,
    KeyedGate turns,
    NyseCalendar calendar,
    ExecutionSettings execution,
    TimeProvider clock)
{
    public const string IgnoredInChat = "ignored in Telegram";

    /// <summary>Who settles a recommendation whose roll order recovery finished.</summary>
    public const string RecoveryActor = "recovery";

    /// <summary>
    /// Settles the roll recommendations a crash or an unanswered broker call left APPROVED once their order is final
    /// (order recovery followed it to the end and booked it): EXECUTED or FAILED as the booked order says, asking the
    /// roll executor about the same client order id, which answers a final order from what is stored and sends nothing.
    /// One whose order was never recorded stays APPROVED: sending it now would act on nobody's word, so it waits for a
    /// person to approve again. Closes and reductions are not settled here (their order is the exit path's to resume,
    /// and an interrupted one FAILS for a person to check when approved again). One being decided elsewhere is skipped.
    /// </summary>
    /// <returns>One line per recommendation settled.</returns>
    public async Task<IReadOnlyList<string>> SettleRecoveredRollsAsync(CancellationToken cancellationToken)
    {
        var settled = new List<string>();
        foreach (var adjustment in await adjustments.ListAsync(AdjustmentStatus.Approved, int.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            if (adjustment.Kind != AdjustmentKind.Roll || !await RollOrderFinalAsync(adjustment, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            try
            {
                var outcome = await ApproveAsync(adjustment.Id, RecoveryActor, cancellationToken).ConfigureAwait(false);
                settled.Add(Text($"adjustment {adjustment.Id}: {outcome.Message}"));
            }
            catch (OrderInProgressException)
            {
                // Someone is deciding it or rolling the position right now; they settle it.
            }
        }

        return settled;
    }

    private async Task<bool> RollOrderFinalAsync(Adjustment adjustment, CancellationToken cancellationToken)
    {
        // A roll order's request id is its client order id.
        var id = adjustment.RollOrderId();
        var recorded = await orders.ListAsync(new OrderFilter(RequestId: id), cancellationToken).ConfigureAwait(false);
        return recorded.Any(o => o.ClientOrderId == id && OrderLifecycle.IsFinal(o.State));
    }

    /// <param name="closeInstead">Approve it as a close of every open contract rather than its roll or reduction (the chat's Close button).</param>
    public async Task<AdjustmentOutcome> ApproveAsync(long id, string by, CancellationToken cancellationToken, bool closeInstead = false)
    {
        await using var held = await TakeAsync(id, cancellationToken).ConfigureAwait(false);
        var adjustment = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        switch (adjustment.Status)
        {
            case AdjustmentStatus.Approved when adjustment.Kind == AdjustmentKind.Roll:
                return await RollAsync(adjustment, by, cancellationToken).ConfigureAwait(false);
            case AdjustmentStatus.Approved:
                return Answer(await MoveAsync(id, [AdjustmentStatus.Approved], AdjustmentStatus.Failed, by,
                    "interrupted after approval; its closing order may have been sent, so it is not sent again — check the position", cancellationToken).ConfigureAwait(false) ?? adjustment);
            case AdjustmentStatus.Pending:
                break;
            default:
                return Answer(adjustment);
        }

        var position = await positions.FindAsync(adjustment.PositionId, cancellationToken).ConfigureAwait(false);
        if (position is not { Status: PositionStatus.Open })
        {
            return Answer(await MoveAsync(id, [AdjustmentStatus.Pending], AdjustmentStatus.Expired, AdjustmentBooking.SystemActor, AdjustmentBooking.PositionClosed, cancellationToken).ConfigureAwait(false) ?? adjustment);
        }

        if (!execution.AllowOutsideSession && calendar.SessionAt(clock.GetUtcNow()) is null)
        {
            return new AdjustmentOutcome(adjustment, "MARKET_CLOSED: adjustments are executed only during an NYSE session; still PENDING");
        }

        var instead = closeInstead && adjustment.Kind != AdjustmentKind.Close;
        var approved = await MoveAsync(id, [AdjustmentStatus.Pending], AdjustmentStatus.Approved, by,
                instead ? $"approved as a CLOSE instead of the recommended {adjustment.Kind.ToCode()}" : null, cancellationToken,
                instead ? a => a with { Kind = AdjustmentKind.Close, Contracts = position.Quantity, Roll = null } : null).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"adjustment {id} changed under its lock.");
        return approved.Kind == AdjustmentKind.Roll
            ? await RollAsync(approved, by, cancellationToken).ConfigureAwait(false)
            : await CloseAsync(approved, position, by, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A person turns the recommendation down (REJECTED), or dismisses it from the chat (IGNORED); only while PENDING.</summary>
    public async Task<AdjustmentOutcome> DeclineAsync(long id, string by, AdjustmentStatus to, string? reason, CancellationToken cancellationToken)
    {
        if (to is not (AdjustmentStatus.Rejected or AdjustmentStatus.Ignored))
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "a recommendation is declined as REJECTED or IGNORED.");
        }

        await using var held = await TakeAsync(id, cancellationToken).ConfigureAwait(false);
        var adjustment = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (adjustment.Status != AdjustmentStatus.Pending)
        {
            return Answer(adjustment);
        }

        var outcome = reason ?? (to == AdjustmentStatus.Ignored ? "ignored" : "rejected");
        return Answer(await MoveAsync(id, [AdjustmentStatus.Pending], to, by, outcome, cancellationToken).ConfigureAwait(false) ?? adjustment);
    }

    /// <summary>The answer for the recommendation as it stands, without acting on it.</summary>
    public async Task<AdjustmentOutcome> CurrentAsync(long id, CancellationToken cancellationToken) =>
        Answer(await FindAsync(id, cancellationToken).ConfigureAwait(false));

    private async Task<AdjustmentOutcome> RollAsync(Adjustment approved, string by, CancellationToken cancellationToken)
    {
        var target = approved.Roll ?? throw new InvalidOperationException($"adjustment {approved.Id} is a roll without a target.");
        RollResult result;
        try
        {
            result = await rolls.RollAsync(new RollRequest(approved.PositionId, target.Expiration, target.ShortStrike, target.LongStrike,
                target.MinimumNetCredit, approved.RollOrderId(), by), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not TradingRuleException)
        {
            // Outcome unknown: it stays APPROVED and approving again asks about the same client order id.
            return new AdjustmentOutcome(approved, $"roll {approved.RollOrderId()}: outcome unknown ({e.Message}); still APPROVED — approve again to follow it");
        }

        if (result.Rolled)
        {
            return Answer(await FinishAsync(approved, AdjustmentStatus.Executed, by,
                Text($"rolled by order {approved.RollOrderId()}: position {result.NewPositionId} opened at {target.Expiration:yyyy-MM-dd}"), cancellationToken).ConfigureAwait(false));
        }

        if (result.Order is { IsFinal: false })
        {
            return new AdjustmentOutcome(approved, $"roll {approved.RollOrderId()} is {result.Order.Status.ToCode()}; still APPROVED — approve again to follow it");
        }

        return Answer(await FinishAsync(approved, AdjustmentStatus.Failed, by, $"not rolled: {result.Problem ?? "nothing filled"}", cancellationToken).ConfigureAwait(false));
    }

    private async Task<AdjustmentOutcome> CloseAsync(Adjustment approved, Position position, string by, CancellationToken cancellationToken)
    {
        // A reduction never takes more than is open now; what is left after an earlier partial close may be less.
        var contracts = approved.Kind == AdjustmentKind.Reduce ? Math.Min(approved.Contracts, position.Quantity) : (int?)null;
        string outcome;
        AdjustmentStatus to;
        try
        {
            var check = await exits.CloseManuallyAsync(approved.PositionId, by, contracts, ExitReason.Adjustment, walk: true, cancellationToken).ConfigureAwait(false);
            (to, outcome) = check.Closed is { } closed
                ? (AdjustmentStatus.Executed, Text($"closed {closed.Trade.Quantity} at {MoneyText.Price(closed.Trade.ExitPrice)} for {MoneyText.Signed(closed.Trade.PnlRealized)}; {(closed.IsPartial ? $"{closed.Position.Quantity} still open" : "position closed")}"))
                : (AdjustmentStatus.Failed, $"not closed: {check.OrderError ?? check.Decision.Detail}");
        }
        catch (TradingRuleException e)
        {
            (to, outcome) = (AdjustmentStatus.Failed, $"not closed: {e.Message}");
        }

        return Answer(await FinishAsync(approved, to, by, outcome, cancellationToken).ConfigureAwait(false));
    }

    private async Task<Adjustment> FinishAsync(Adjustment approved, AdjustmentStatus to, string by, string outcome, CancellationToken cancellationToken) =>
        await MoveAsync(approved.Id, [AdjustmentStatus.Approved], to, by, outcome, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"adjustment {approved.Id} changed under its lock.");

    private async Task<IAsyncDisposable> TakeAsync(long id, CancellationToken cancellationToken) =>
        await turns.EnterAsync(Key(id), token => adjustments.TryLockAsync(id, token), cancellationToken).ConfigureAwait(false)
        ?? throw new OrderInProgressException($"IN_PROGRESS: adjustment {id} is being decided elsewhere; try again for its outcome.");

    private async Task<Adjustment> FindAsync(long id, CancellationToken cancellationToken) =>
        await adjustments.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new AdjustmentNotFoundException(id);

    /// <summary>Moves the recommendation (<see cref="AdjustmentBooking.Move"/>) under its row lock; null when it was in none of <paramref name="from"/>.</summary>
    /// <param name="revise">What the approval changes besides the status (a close instead of a roll); applied to the row as locked.</param>
    private async Task<Adjustment?> MoveAsync(
        long id, IReadOnlyList<AdjustmentStatus> from, AdjustmentStatus to, string by, string? outcome, CancellationToken cancellationToken, Func<Adjustment, Adjustment>? revise = null)
    {
        var now = clock.GetUtcNow();
        await using var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false);
        if (await entry.LockAdjustmentAsync(id, cancellationToken).ConfigureAwait(false) is not { } locked
            || AdjustmentBooking.Move(locked, from, to, by, outcome, now, revise) is not { } moved)
        {
            return null;
        }

        await entry.CommitAsync(moved.Events, now, cancellationToken).ConfigureAwait(false);
        return moved.Moved;
    }

    private static AdjustmentOutcome Answer(Adjustment adjustment) => new(adjustment, adjustment.Status switch
    {
        AdjustmentStatus.Pending => "PENDING",
        AdjustmentStatus.Approved => "APPROVED; execution under way",
        _ => $"{adjustment.Status.ToCode()}{(adjustment.DecidedBy is null ? "" : $" by {adjustment.DecidedBy}")}{(adjustment.Outcome is null ? "" : $": {adjustment.Outcome}")}",
    });

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Key(long id) => string.Create(CultureInfo.InvariantCulture, $"adjustment-{id}");
}
