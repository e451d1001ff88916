using OptionsAutomation.Core;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Journal;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Infrastructure.InMemory;

/// <summary>
/// One transaction of the in-memory book: turns each event into the rows <see cref="PostgresTradingEntry"/> writes for it
/// (ids, statuses, trade history, fills, order history, breaker, outbox), in order, deciding nothing itself. Audit events
/// are not kept: the rows and the order history they feed are. A commit that throws, or a dispose without a commit,
/// undoes everything the entry wrote, its creations before the commit included.
/// </summary>
internal sealed class InMemoryTradingEntry(BookState state, RiskSettings risk) : ITradingEntry
{
    private readonly List<ClosedPosition> _closed = [];
    private bool _done;

    public IReadOnlyList<ClosedPosition> Closed => _closed;

    public Task<Position> LockPositionAsync(long positionId, bool byClosingOrder, CancellationToken cancellationToken)
    {
        var position = state.Position(positionId) ?? throw new PositionNotFoundException(positionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!byClosingOrder && state.WorkingClose(positionId) is { } working)
        {
            throw OrderInProgressException.Closing(positionId, working);
        }

        return Task.FromResult(position);
    }

    public Task<(TradeProposal Proposal, bool Created)> CreateProposalAsync(TradeProposal proposal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (state.Proposal(proposal.RequestId) is { } existing)
        {
            return Task.FromResult((existing, false));
        }

        state.SetProposal(proposal);
        return Task.FromResult((proposal, true));
    }

    public Task<TradeProposal?> LockProposalAsync(string requestId, CancellationToken cancellationToken) => Task.FromResult(state.Proposal(requestId));

    public Task<IReadOnlyList<TradeProposal>> LockDueProposalsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TradeProposal>>(
            [.. state.Proposals.Where(p => p.Status == ProposalStatus.Proposed && p.ExpiresAt <= now).OrderBy(p => p.RequestId, StringComparer.Ordinal)]);

    public Task<TradingControls> LockControlsAsync(CancellationToken cancellationToken) => Task.FromResult(state.Controls);

    public Task<StoredPosition> OpenPositionAsync(NewPosition position, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(position);
        if (state.PositionOf(position.RequestId) is { } existing)
        {
            return Task.FromResult(new StoredPosition(existing, Created: false));
        }

        var opened = BookPositions.Opened(position, state.NextPositionId(), now);
        state.SetPosition(opened);
        return Task.FromResult(new StoredPosition(opened, Created: true));
    }

    // The backtest replays the exit rules, not the adjustment advisor: it has no recommendations to keep.
    public Task<Core.Trading.Adjustments.Adjustment?> LockPendingAdjustmentAsync(long positionId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the in-memory book keeps no adjustment recommendations.");

    public Task<IReadOnlyList<Core.Trading.Adjustments.Adjustment>> LockPendingAdjustmentsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("the in-memory book keeps no adjustment recommendations.");

    public Task<Core.Trading.Adjustments.Adjustment?> LockAdjustmentAsync(long id, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the in-memory book keeps no adjustment recommendations.");

    public Task<Core.Trading.Adjustments.Adjustment> CreateAdjustmentAsync(Core.Trading.Adjustments.Adjustment adjustment, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the in-memory book keeps no adjustment recommendations.");

    public Task<long> OpenSharesAsync(AssignedShares shares, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var opened = BookPositions.Shares(shares, state.NextPositionId(), now);
        state.SetPosition(opened);
        return Task.FromResult(opened.PositionId);
    }

    public Task CommitAsync(IReadOnlyList<TradingEvent> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        try
        {
            foreach (var change in events)
            {
                Write(change, now);
            }
        }
        catch
        {
            _closed.Clear();
            Finish(commit: false);
            throw;
        }

        Finish(commit: true);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Finish(commit: false);
        return ValueTask.CompletedTask;
    }

    private void Finish(bool commit)
    {
        if (_done)
        {
            return;
        }

        _done = true;
        if (commit)
        {
            state.Commit();
        }
        else
        {
            state.Rollback();
        }
    }

    private void Write(TradingEvent change, DateTimeOffset now)
    {
        switch (change)
        {
            case OrderSubmitted e:
                Record(e.Ticket.ClientOrderId, e.Intent, e.Ticket.Legs, e.Ticket.Quantity, e.Ticket.LimitPrice, e.RequestId, e.PositionId, e.Reason, e.Actor, now);
                break;
            case OrderMoved e:
                Move(Recorded(e.State.ClientOrderId), e.State, e.Actor, e.PositionId, e.Error, now);
                break;
            case OrderRepriced { Reprice: var r }:
                var repriced = Recorded(r.ClientOrderId);
                state.SetOrder(repriced with { Row = repriced.Row with { LimitPrice = r.To, UpdatedAt = r.At, Reprices = new([.. repriced.Row.Reprices, r]) } });
                break;
            case OrderMarkedUnknown e:
                MarkUnknown(e, now);
                break;
            case FillsReceived e:
                foreach (var leg in e.Order.Fills)
                {
                    state.AddFill(e.PositionId, e.RequestId, new OrderFillRecord(
                        leg.FillId, leg.Leg.Contract.OccSymbol, leg.Leg.Buys ? FillSide.Buy : FillSide.Sell, leg.Contracts, leg.Price, leg.Fee, e.Order.At, e.Order.ClientOrderId));
                }

                break;
            case PositionClosed e:
                Close(e.Closed);
                break;
            case CloseCounted e:
                Feed(b => BreakerBooking.Counted(b, e.Outcome, e.At, risk), now);
                break;
            case BreakerFed e:
                Feed(b => BreakerBooking.Fed(b, e.Feed, now, risk), now);
                break;
            case BreakerReset e:
                state.SetControls(state.Controls with { Breaker = e.After });
                break;
            case TradingStateChanged e:
                state.SetControls(state.Controls with { State = e.To, Reason = e.Reason, ChangedAt = now, ChangedBy = e.By });
                break;
            case SettlementRecorded e:
                Record(e.Settlement.ClientOrderId, OrderIntent.Settle, e.Settlement.Fills.Select(f => f.Leg), e.Settlement.Quantity, null,
                    e.RequestId, e.PositionId, e.Settlement.Reason, e.Actor, now);
                break;
            case ProposalDecided e:
                var decided = Proposal(e.Moved.RequestId, e.From);
                state.SetProposal(decided with
                {
                    Status = e.Moved.Status, DecidedBy = e.By, DecidedAt = e.Moved.DecidedAt, DecisionReason = e.Moved.DecisionReason, UpdatedAt = e.Moved.UpdatedAt,
                });
                break;
            case ProposalExecuted e:
                // A retry after a crash finds the order already final: the position id still belongs on it.
                if (state.Order(e.Fill.ClientOrderId) is { Row.PositionId: null } open)
                {
                    state.SetOrder(open with { Row = open.Row with { PositionId = e.PositionId } });
                }

                state.SetProposal(Proposal(e.Proposal.RequestId, ProposalStatus.Executing) with { Status = ProposalStatus.Executed, PositionId = e.PositionId, UpdatedAt = now });
                break;
            case ProposalFailed e:
                state.SetProposal(Proposal(e.Failed.RequestId, ProposalStatus.Executing) with
                {
                    Status = ProposalStatus.Failed, DecisionReason = e.Failed.DecisionReason, UpdatedAt = now,
                });
                break;
            case AlertRaised e:
                state.Enqueue(e.Alert);
                break;
            // Audited only: the book keeps no audit trail (nor a roll's link from the new position to the old: nothing a backtest reads).
            case PositionOpened or PositionRolled or BreakerTripped or ProposalCreated or RiskDenied:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, "the in-memory book has no rows for this trading event");
        }
    }

    /// <summary>An order recorded PENDING before it is sent; the same client order id again writes nothing.</summary>
    private void Record(
        string clientOrderId, OrderIntent intent, IEnumerable<OrderLeg> legs, int quantity, decimal? limitPrice, string? requestId, long? positionId,
        string? reason, string actor, DateTimeOffset now)
    {
        if (state.Order(clientOrderId) is not null)
        {
            return;
        }

        if (intent is (OrderIntent.Close or OrderIntent.Roll) && positionId is { } id && state.WorkingClose(id) is { } working)
        {
            throw new InvalidOperationException($"position {id} has closing or roll order {working} at work; a second one is refused (orders_one_working_close).");
        }

        state.SetOrder(new BookOrder(state.NextOrderSequence(), new OrderRecord(
            clientOrderId, intent, OrderStatus.Pending, positionId, requestId, reason, quantity, 0, limitPrice, null, null, null, null, now, now,
            new(legs.Select(l => new OrderLegRecord(l.Contract.OccSymbol, l.Side, l.Ratio))),
            new([new OrderTransition(now, OrderEvents.Recorded, OrderStatus.Pending, 0, actor, reason)]), ValueList<OrderFillRecord>.Empty, ValueList<OrderReprice>.Empty)));
    }

    private BookOrder Recorded(string clientOrderId) =>
        state.Order(clientOrderId) ?? throw new InvalidOperationException($"order {clientOrderId} is not recorded; an order is written before it is sent.");

    /// <summary>Moves the order as <see cref="OrderLifecycle"/> allows; repeating the stored state writes nothing.</summary>
    private void Move(BookOrder stored, OrderState to, string actor, long? positionId, string? error, DateTimeOffset now)
    {
        var row = stored.Row;
        if (!OrderLifecycle.Moves(to.ClientOrderId, row.State, row.FilledQuantity, to.Status, to.FilledQuantity, row.Quantity ?? to.Quantity))
        {
            return;
        }

        var reason = error ?? to.Reason;
        state.SetOrder(stored with
        {
            Row = row with
            {
                State = to.Status,
                FilledQuantity = to.FilledQuantity,
                Quantity = row.Quantity ?? to.Quantity,
                FillPrice = to.NetPrice ?? row.FillPrice,
                Fees = to.Fees,
                BrokerOrderId = to.BrokerOrderId ?? row.BrokerOrderId,
                PositionId = row.PositionId ?? positionId,
                Error = reason ?? row.Error,
                UpdatedAt = now,
                History = new([.. row.History, new OrderTransition(now, OrderEvents.For(to.Status), to.Status, to.FilledQuantity, actor, reason)]),
            },
        });
    }

    /// <summary>No answer from the broker: UNKNOWN, unless the order is final (or was never recorded).</summary>
    private void MarkUnknown(OrderMarkedUnknown e, DateTimeOffset now)
    {
        if (state.Order(e.ClientOrderId) is not { } stored || OrderLifecycle.IsFinal(stored.Row.State))
        {
            return;
        }

        var unknown = new OrderState(e.ClientOrderId, OrderStatus.Unknown, stored.Row.Quantity ?? 1, stored.Row.FilledQuantity, null, stored.Row.Fees ?? 0m,
            ValueList<LegFill>.Empty, null, e.Error, now);
        Move(stored, unknown, e.Actor, e.PositionId, e.Error, now);
    }

    /// <summary>The columns a close writes onto the stored row, and the trade_history row of what closed.</summary>
    private void Close(ClosedPosition result)
    {
        var closed = result.Position;
        var stored = state.Position(closed.PositionId) ?? throw new PositionNotFoundException(closed.PositionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        state.SetPosition(stored with
        {
            Status = closed.Status,
            ExitDate = closed.ExitDate,
            ExitPrice = closed.ExitPrice,
            ExitReason = closed.ExitReason,
            UnrealizedPnl = closed.UnrealizedPnl,
            RealizedPnl = closed.RealizedPnl,
            PnlPercent = closed.PnlPercent,
            DaysHeld = closed.DaysHeld,
            Fees = closed.Fees,
            LastUpdated = closed.LastUpdated,
            Quantity = closed.Quantity,
            ClosedQuantity = closed.ClosedQuantity,
            ScaledOut = closed.ScaledOut,
            StopLoss = closed.StopLoss,
            ProfitTarget = closed.ProfitTarget,
            MaxLoss = closed.MaxLoss,
            Collateral = closed.Collateral,
        });
        _closed.Add(result with { Trade = state.AddTrade(result.Trade) });
    }

    /// <summary>The breaker as <see cref="BreakerBooking"/> decides, then the events it adds (a trip and its alert).</summary>
    private void Feed(Func<CircuitBreaker, (CircuitBreaker After, IReadOnlyList<TradingEvent> Events)> decide, DateTimeOffset now)
    {
        var before = state.Controls.Breaker;
        var (after, events) = decide(before);
        if (after != before)
        {
            state.SetControls(state.Controls with { Breaker = after });
        }

        foreach (var change in events)
        {
            Write(change, now);
        }
    }

    /// <summary>The proposal as stored, which must still be <paramref name="from"/>: had it moved meanwhile, the write fails.</summary>
    private TradeProposal Proposal(string requestId, ProposalStatus from) =>
        state.Proposal(requestId) is { } stored && stored.Status == from
            ? stored
            : throw new InvalidOperationException($"proposal {requestId} is not {from.ToCode()}; nothing is overwritten.");
}
