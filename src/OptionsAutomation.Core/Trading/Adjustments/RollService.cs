using System.Globalization;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>
/// Rolls an open CSP or VPC out in time as one multi-leg order: close its legs, open the same strategy on the same
/// underlying at a later expiration and the new strikes. Before anything is sent: an NYSE session, a two-sided quote on
/// every leg, a net credit at the mid of at least the request's minimum, and the risk gate's opening checks on the new
/// position with the old one's exposure released (HALTED and REDUCING refuse, as for any opening order). It takes the old
/// position's close turn (the lock <see cref="ExitService"/> takes, so a roll and a close never race), records one PENDING
/// order for the whole open quantity and walks it from the net mid toward the natural price, never below the minimum
/// credit. What filled is booked in one transaction (<see cref="RollBooking.Rolled"/>): that many contracts of the old
/// position close with reason <c>roll</c>, a new position opens for them from the opening legs' fills, linked to the old
/// one; the rest of the old position stays OPEN. A fill that cannot be booked halts trading. A repeat of the request's
/// client order id sends nothing: it follows or answers the order recorded under it.
/// </summary>
public sealed class RollService(
    IPositionStore positions,
    IOrderRecords records,
    ICloseLedger ledger,
    ITradingJournal journal,
    IMarketData marketData,
    OrderExecutor orders,
    RiskSnapshots snapshots,
    RiskGate gate,
    PriceWalkPlanner walks,
    NyseCalendar calendar,
    ExecutionSettings execution,
    ExitRuleSettings rules,
    KeyedGate turns,
    TimeProvider clock) : IRollExecutor
{
    /// <exception cref="PositionNotFoundException">when there is no such position.</exception>
    /// <exception cref="OrderInProgressException">while someone else holds the position's close turn (a close or a roll at work).</exception>
    public async Task<RollResult> RollAsync(RollRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var held = await TryTakeCloseAsync(request.PositionId, cancellationToken).ConfigureAwait(false)
            ?? throw new OrderInProgressException($"IN_PROGRESS: position {request.PositionId} is being closed or rolled by another caller; no second order was sent — try again for its outcome.");
        var position = await positions.FindAsync(request.PositionId, cancellationToken).ConfigureAwait(false)
            ?? throw new PositionNotFoundException(request.PositionId.ToString(CultureInfo.InvariantCulture));
        if (await RecordedAsync(request.ClientOrderId, cancellationToken).ConfigureAwait(false) is { } recorded)
        {
            if (recorded.PositionId != position.PositionId)
            {
                return Refused(position, $"DUPLICATE_ID: client order id {request.ClientOrderId} is the order of position {recorded.PositionId}; nothing sent");
            }

            // A repeat: the order under this client order id is followed or answered, never sent again.
            return OrderLifecycle.IsFinal(recorded.State)
                ? await AnswerAsync(position, recorded, cancellationToken).ConfigureAwait(false)
                : await FollowAsync(position, recorded, request.Actor, cancellationToken).ConfigureAwait(false)
                  ?? Refused(position, $"IN_PROGRESS: roll order {request.ClientOrderId} is recorded and not yet seen at the broker; recovery follows it");
        }

        if (Invalid(position, request) is { } invalid)
        {
            return Refused(position, invalid);
        }

        var now = clock.GetUtcNow();
        if (!execution.AllowOutsideSession && calendar.SessionAt(now) is null)
        {
            return Refused(position, "MARKET_CLOSED: roll orders are sent only during an NYSE session");
        }

        OrderTicket probe;
        try
        {
            // The legs only; the credit is known once they are quoted.
            probe = RollLegs.Ticket(position, Strategy(position, request, ProbeCredit), position.Quantity, request.ClientOrderId, null, now);
        }
        catch (PositionRuleException e)
        {
            return Refused(position, $"INVALID_ROLL: {string.Join(" ", e.Problems)}");
        }

        if (await RollQuote.ReadAsync(marketData, probe, now, cancellationToken).ConfigureAwait(false) is not { } quote)
        {
            return Refused(position, "NO_QUOTE: a leg of the roll has no two-sided quote; nothing sent");
        }

        if (quote.MidCredit < request.MinimumNetCredit)
        {
            return Refused(position, string.Create(CultureInfo.InvariantCulture,
                $"CREDIT_TOO_LOW: net credit {quote.MidCredit:0.00##} at the mid (natural {quote.NaturalCredit:0.00##}) is below the minimum {request.MinimumNetCredit:0.00##}; nothing sent"));
        }

        CreditStrategy next;
        try
        {
            next = Strategy(position, request, quote.OpeningMidCredit);
        }
        catch (PositionRuleException e)
        {
            return Refused(position, $"INVALID_ROLL: the new legs at their mid cannot be opened ({string.Join(" ", e.Problems)})");
        }

        if (await GateAsync(position, next, quote, request.ClientOrderId, now, cancellationToken).ConfigureAwait(false) is { } denial)
        {
            return Refused(position, $"refused by the risk gate: {denial}");
        }

        var walk = walks.ForRoll(position.Ticker, quote.Mid, quote.Natural, request.MinimumNetCredit);
        var (old, ticket) = await BeginAsync(position.PositionId, next, walk.Start, request.ClientOrderId, request.Actor, now, cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(old, ticket, walk, request.Actor, cancellationToken).ConfigureAwait(false);
    }

    public const string RecoveryActor = ExitService.RecoveryActor;

    // The smallest credit a strategy can carry: enough to build the new legs before their quotes are read.
    private const decimal ProbeCredit = 0.01m;

    /// <summary>
    /// Finishes a roll order left working by a crash or an unanswered broker call (<see cref="OrderRecoveryService"/>): asks
    /// the broker by its client order id; one it never saw is REJECTED once older than
    /// <see cref="ExecutionSettings.NeverReceivedAfter"/> (never sent late); one it knows is followed to a final state and
    /// booked like any roll. Null when someone else holds the position's turn, the order is no longer working, or it is too
    /// young to conclude the broker never received it.
    /// </summary>
    public async Task<RollResult?> ResumeAsync(WorkingOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var positionId = order.PositionId ?? throw new InvalidOperationException($"roll order {order.ClientOrderId} has no position.");
        await using var held = await TryTakeCloseAsync(positionId, cancellationToken).ConfigureAwait(false);
        if (held is null || !await ledger.IsOrderWorkingAsync(order.ClientOrderId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var position = await positions.FindAsync(positionId, cancellationToken).ConfigureAwait(false)
            ?? throw new PositionNotFoundException(positionId.ToString(CultureInfo.InvariantCulture));
        var recorded = await RecordedAsync(order.ClientOrderId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"roll order {order.ClientOrderId} is working but not listed.");
        return await FollowAsync(position, recorded, RecoveryActor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The position's close turn, in this process and across workers; null when someone else is closing or rolling it.</summary>
    private Task<IAsyncDisposable?> TryTakeCloseAsync(long positionId, CancellationToken cancellationToken) =>
        turns.TryEnterAsync(string.Create(CultureInfo.InvariantCulture, $"close-{positionId}"),
            token => ledger.TryLockCloseAsync(positionId, token), cancellationToken);

    /// <summary>Why the request cannot roll this position, before any quote is read; null when it can be tried.</summary>
    private static string? Invalid(Position position, RollRequest request)
    {
        if (position.Status != PositionStatus.Open)
        {
            return $"NOT_OPEN: position {position.PositionId} is {position.Status.ToCode()}";
        }

        if (position.StrategyType is not (StrategyType.CashSecuredPut or StrategyType.VerticalPutCredit) || position.Expiration is not { } expiration)
        {
            return $"NOT_ROLLABLE: position {position.PositionId} is a {position.StrategyType.ToCode()}; only CSP and VPC positions roll";
        }

        if (request.NewExpiration <= expiration)
        {
            return $"INVALID_ROLL: the new expiration {request.NewExpiration:yyyy-MM-dd} must be after {expiration:yyyy-MM-dd}";
        }

        if ((position.StrategyType == StrategyType.VerticalPutCredit) != request.NewLongStrike.HasValue)
        {
            return position.StrategyType == StrategyType.VerticalPutCredit
                ? "INVALID_ROLL: a VPC rolls into a VPC: give the new long strike"
                : "INVALID_ROLL: a CSP rolls into a CSP: it takes no long strike";
        }

        return request.MinimumNetCredit < 0m
            ? string.Create(CultureInfo.InvariantCulture, $"INVALID_ROLL: the minimum net credit {request.MinimumNetCredit} is negative; a roll is for a credit")
            : null;
    }

    /// <exception cref="PositionRuleException">when the new strikes cannot be traded at that credit.</exception>
    private static CreditStrategy Strategy(Position position, RollRequest request, decimal credit) =>
        CreditStrategy.Create(position.StrategyType, position.Ticker, request.NewExpiration, request.NewShortStrike, request.NewLongStrike, credit);

    /// <summary>
    /// The gate's opening checks on the new position as if the old one were gone (its exposure, its slot in the position
    /// count and its underlying released), priced by the new legs' own mid. Null when it passes.
    /// </summary>
    private async Task<RiskDenial?> GateAsync(Position old, CreditStrategy next, RollQuote quote, string clientOrderId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await positions.ListAsync(PositionStatusFilter.Open, null, cancellationToken).ConfigureAwait(false);
        var rest = open.Where(p => p.PositionId != old.PositionId).ToList();
        var snapshot = await snapshots.CurrentAsync(rest, [next.Underlying], now, cancellationToken).ConfigureAwait(false);
        var decision = gate.CheckOpening(
            new OpeningOrder(clientOrderId, next, old.Quantity, rules.ContractMultiplier),
            snapshot with { Quote = new OrderQuote(quote.OpeningMidCredit, quote.QuotedAt, quote.OpeningUsable) });
        return decision.Denial;
    }

    /// <summary>
    /// Under the old position's row lock: refused unless it is still OPEN or while a closing or roll order for it is at work,
    /// records the PENDING roll order for its current open quantity at <paramref name="limitPrice"/> before it is sent.
    /// </summary>
    private async Task<(Position Old, OrderTicket Ticket)> BeginAsync(
        long positionId, CreditStrategy next, decimal limitPrice, string clientOrderId, string actor, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await using var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false);
        var locked = await entry.LockPositionAsync(positionId, byClosingOrder: false, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var (ticket, events) = RollBooking.Begin(locked, next, limitPrice, clientOrderId, actor, now);
        await entry.CommitAsync(events, now, cancellationToken).ConfigureAwait(false);
        return (locked, ticket with { AsOf = asOf });
    }

    private async Task<RollResult> ExecuteAsync(Position old, OrderTicket ticket, PriceWalk? walk, string actor, CancellationToken cancellationToken)
    {
        OrderState outcome;
        try
        {
            outcome = await orders.ExecuteAsync(
                ticket, walk, actor, (state, token) => CommitAsync(RollBooking.Progress(old.PositionId, state, actor), token), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var error = $"broker error, outcome unknown: {e.Message}";
            await CommitAsync(RollBooking.Failed(old, ticket.ClientOrderId, null, error, actor), cancellationToken).ConfigureAwait(false);
            return new RollResult(old.PositionId, null, null, $"{error}; recovery asks the broker again within a minute");
        }

        return await BookAsync(old, ticket, outcome, actor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A recorded roll order that is not final: followed at the broker as it stands (never re-priced, never sent late).</summary>
    /// <returns>Null when the broker does not know it and it is too young to believe that.</returns>
    private async Task<RollResult?> FollowAsync(Position old, OrderRecord recorded, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ticket = RollLegs.Ticket(recorded, old.Ticker, now);
        var known = await orders.LookUpAsync(recorded.ClientOrderId, cancellationToken).ConfigureAwait(false);
        if (known is null && now - recorded.CreatedAt < execution.NeverReceivedAfter)
        {
            return null;
        }

        if (known is null)
        {
            var never = OrderState.Rejected(recorded.ClientOrderId, ticket.Quantity, "the broker never received it; not sent late", now);
            return await BookAsync(old, ticket, never, actor, cancellationToken).ConfigureAwait(false);
        }

        var outcome = await orders.ExecuteAsync(ticket,
            (state, token) => CommitAsync(RollBooking.Progress(old.PositionId, state, actor), token), cancellationToken).ConfigureAwait(false);
        return await BookAsync(old, ticket, outcome, actor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Books a final roll order: what filled rolls in one transaction; nothing filled leaves the old position OPEN with an
    /// alert; a fill that cannot be booked is kept on record and halts trading.
    /// </summary>
    private async Task<RollResult> BookAsync(Position old, OrderTicket ticket, OrderState outcome, string actor, CancellationToken cancellationToken)
    {
        if (outcome.FilledQuantity == 0)
        {
            return await FailAsync(old, outcome, outcome.Reason ?? "not filled", actor, cancellationToken).ConfigureAwait(false);
        }

        var fills = RollFills.Of(outcome);
        if (Unbookable(old, ticket, outcome, fills) is { } problem)
        {
            return await FailAsync(old, outcome, problem, actor, cancellationToken).ConfigureAwait(false);
        }

        await using var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false);
        var locked = await entry.LockPositionAsync(old.PositionId, byClosingOrder: true, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var opening = NewPosition.From(OpenRequest(locked, ticket, outcome, fills, actor), rules, now);
        var opened = await entry.OpenPositionAsync(opening, now, cancellationToken).ConfigureAwait(false);
        var (closed, events) = RollBooking.Rolled(locked, opened, opening, outcome, fills, actor, now);
        await entry.CommitAsync(events, now, cancellationToken).ConfigureAwait(false);
        var partial = closed.IsPartial
            ? string.Create(CultureInfo.InvariantCulture, $"partially filled {outcome.FilledQuantity} of {outcome.Quantity}, the rest {outcome.Reason ?? "cancelled"}; {closed.Position.Quantity} of position {old.PositionId} stay OPEN")
            : null;
        return new RollResult(old.PositionId, opened.Position.PositionId, outcome, partial);
    }

    /// <summary>A final roll order that rolled nothing: recorded with its alert, the old position left OPEN.</summary>
    private async Task<RollResult> FailAsync(Position old, OrderState outcome, string problem, string actor, CancellationToken cancellationToken)
    {
        var failed = RollBooking.Failed(old, outcome.ClientOrderId, outcome, problem, actor);
        if (outcome.FilledQuantity > 0)
        {
            // Contracts traded that we cannot book: the stored positions are wrong until a person reconciles them.
            await UnbookedFill.CommitHaltingAsync(journal, failed, outcome, problem, actor, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await CommitAsync(failed, cancellationToken).ConfigureAwait(false);
        }

        return new RollResult(old.PositionId, null, outcome, problem);
    }

    /// <summary>Why a filled roll cannot be booked (crossed quotes, a new position the book refuses); null when it can.</summary>
    private string? Unbookable(Position old, OrderTicket ticket, OrderState outcome, RollFills fills)
    {
        if (fills.Problem is { } problem)
        {
            return problem;
        }

        try
        {
            _ = NewPosition.From(OpenRequest(old, ticket, outcome, fills, RecoveryActor), rules, clock.GetUtcNow());
            return null;
        }
        catch (PositionRuleException e)
        {
            return $"the new position cannot be booked: {string.Join(" ", e.Problems)}";
        }
    }

    /// <summary>The new position: the same strategy on the opening legs, for the filled units at the opening legs' credit.</summary>
    private static OpenPositionRequest OpenRequest(Position old, OrderTicket ticket, OrderState outcome, RollFills fills, string actor)
    {
        var (expiration, shortStrike, longStrike) = RollLegs.Opening(ticket);
        return new OpenPositionRequest
        {
            RequestId = outcome.ClientOrderId,
            Strategy = old.StrategyType,
            Ticker = old.Ticker,
            Expiration = expiration,
            ShortStrike = shortStrike,
            LongStrike = longStrike,
            Credit = fills.OpeningCredit,
            Quantity = outcome.FilledQuantity,
            Fees = fills.OpeningFees,
            OpenedAt = outcome.At,
            Notes = string.Create(CultureInfo.InvariantCulture, $"rolled from position {old.PositionId}"),
            Actor = actor,
        };
    }

    /// <summary>The roll order recorded under <paramref name="clientOrderId"/> (its request id), if any.</summary>
    private async Task<OrderRecord?> RecordedAsync(string clientOrderId, CancellationToken cancellationToken) =>
        (await records.ListAsync(new OrderFilter(RequestId: clientOrderId), cancellationToken).ConfigureAwait(false))
            .SingleOrDefault(r => r.ClientOrderId == clientOrderId);

    /// <summary>The answer for a roll order that is already final, from the stored rows only.</summary>
    private async Task<RollResult> AnswerAsync(Position old, OrderRecord recorded, CancellationToken cancellationToken)
    {
        var opened = await positions.FindByRequestIdAsync(recorded.ClientOrderId, cancellationToken).ConfigureAwait(false);
        var state = new OrderState(recorded.ClientOrderId, recorded.State, recorded.Quantity ?? 0, recorded.FilledQuantity, recorded.FillPrice,
            recorded.Fees ?? 0m, ValueList<LegFill>.Empty, recorded.BrokerOrderId, recorded.Error, recorded.UpdatedAt);
        return new RollResult(old.PositionId, opened?.PositionId, state,
            opened is null ? $"roll order {recorded.ClientOrderId} is {recorded.State.ToCode()} and rolled nothing: {recorded.Error ?? "not filled"}" : null);
    }

    private static RollResult Refused(Position position, string problem) => new(position.PositionId, null, null, problem);

    private async Task CommitAsync(IReadOnlyList<TradingEvent> events, CancellationToken cancellationToken)
    {
        await using var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false);
        await entry.CommitAsync(events, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }
}
