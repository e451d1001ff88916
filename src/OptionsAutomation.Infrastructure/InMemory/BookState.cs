using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Infrastructure.InMemory;

/// <summary>
/// The rows of the in-memory book — positions, trade history, proposals, orders, fills, the trading controls and the
/// outbox — for one single-threaded run (a backtest): nothing here locks. Every write happens inside a transaction
/// (<see cref="Begin"/>) that keeps how to undo it, so a transaction that fails or is abandoned leaves the rows as they
/// were; one transaction is open at a time (Core's use cases never open a second one meanwhile; doing so throws). Ids
/// come from counters that, like Postgres sequences, are not given back by a rollback. What the rows mean is decided in
/// Core; this class only keeps them, with the uniqueness rules the tables enforce.
/// </summary>
internal sealed class BookState
{
    private readonly SortedDictionary<long, Position> _positions = [];
    private readonly Dictionary<string, long> _positionIds = new(StringComparer.Ordinal);
    private readonly List<TradeRecord> _trades = [];
    private readonly List<DateOnly> _closedOn = [];
    private readonly HashSet<string> _tradeOrders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TradeProposal> _proposals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BookOrder> _orders = new(StringComparer.Ordinal);
    // Position id → its closing or roll order at work; looked up on every close, so not a scan of every order.
    private readonly Dictionary<long, string> _workingCloses = [];
    private readonly List<BookFill> _fills = [];
    private readonly HashSet<string> _fillIds = new(StringComparer.Ordinal);
    private readonly List<Alert> _outbox = [];
    private readonly HashSet<string> _alertKeys = new(StringComparer.Ordinal);
    private List<Action>? _undo;
    private long _lastPositionId;
    private long _lastTradeId;
    private long _lastOrder;
    private long _lastFill;

    /// <summary>The <c>trading_controls</c> row as a fresh database has it: ACTIVE, breaker closed.</summary>
    public TradingControls Controls { get; private set; } = new(TradingState.Active, null, null, null, new CircuitBreaker());

    /// <summary>By id.</summary>
    public IEnumerable<Position> Positions => _positions.Values;

    /// <summary>In the order they were written.</summary>
    public IReadOnlyList<TradeRecord> Trades => _trades;

    /// <summary>The New York date each of <see cref="Trades"/> closed on, worked out once (a replay asks for today's trades every session).</summary>
    public IReadOnlyList<DateOnly> ClosedOn => _closedOn;

    /// <summary>The sum of the realized P&amp;L of every trade.</summary>
    public decimal Realized { get; private set; }

    public IEnumerable<TradeProposal> Proposals => _proposals.Values;

    public IEnumerable<BookOrder> Orders => _orders.Values;

    /// <summary>In the order they were written.</summary>
    public IReadOnlyList<BookFill> Fills => _fills;

    /// <summary>Every alert queued, in order (a repeated dedup key queued once).</summary>
    public IReadOnlyList<Alert> Outbox => _outbox;

    public Position? Position(long positionId) => _positions.GetValueOrDefault(positionId);

    public Position? PositionOf(string requestId) => _positionIds.TryGetValue(requestId, out var id) ? _positions[id] : null;

    public TradeProposal? Proposal(string requestId) => _proposals.GetValueOrDefault(requestId);

    public BookOrder? Order(string clientOrderId) => _orders.GetValueOrDefault(clientOrderId);

    /// <summary>The position's closing or roll order still at work, if any (at most one: <c>orders_one_working_close</c>).</summary>
    public string? WorkingClose(long positionId) => _workingCloses.GetValueOrDefault(positionId);

    public void Begin()
    {
        if (_undo is not null)
        {
            throw new InvalidOperationException("the in-memory book allows one open transaction at a time.");
        }

        _undo = [];
    }

    public void Commit() => _undo = null;

    public void Rollback()
    {
        if (_undo is null)
        {
            return;
        }

        for (var i = _undo.Count - 1; i >= 0; i--)
        {
            _undo[i]();
        }

        _undo = null;
    }

    public long NextPositionId() => ++_lastPositionId;

    public long NextOrderSequence() => ++_lastOrder;

    /// <exception cref="InvalidOperationException">when a new position repeats a request id (the unique key).</exception>
    public void SetPosition(Position position)
    {
        var id = position.PositionId;
        if (_positions.TryGetValue(id, out var old))
        {
            _positions[id] = position;
            Undo(() => _positions[id] = old);
            return;
        }

        if (!_positionIds.TryAdd(position.RequestId, id))
        {
            throw new InvalidOperationException($"a position for request {position.RequestId} exists already.");
        }

        _positions.Add(id, position);
        Undo(() =>
        {
            _positions.Remove(id);
            _positionIds.Remove(position.RequestId);
        });
    }

    /// <summary>Stores the trade under the next trade id and returns it so.</summary>
    /// <exception cref="InvalidOperationException">when its closing order booked a trade already (the unique key).</exception>
    public TradeRecord AddTrade(TradeRecord trade)
    {
        if (trade.ClientOrderId is { } order && !_tradeOrders.Add(order))
        {
            throw new InvalidOperationException($"closing order {order} has booked a trade already.");
        }

        var stored = trade with { TradeId = ++_lastTradeId };
        _trades.Add(stored);
        _closedOn.Add(MarketTime.DateOf(stored.ClosedAt));
        Realized += stored.PnlRealized;
        Undo(() =>
        {
            _trades.RemoveAt(_trades.Count - 1);
            _closedOn.RemoveAt(_closedOn.Count - 1);
            Realized -= stored.PnlRealized;
            if (trade.ClientOrderId is { } added)
            {
                _tradeOrders.Remove(added);
            }
        });
        return stored;
    }

    public void SetProposal(TradeProposal proposal)
    {
        var id = proposal.RequestId;
        var existed = _proposals.TryGetValue(id, out var old);
        _proposals[id] = proposal;
        Undo(existed ? () => _proposals[id] = old! : () => _proposals.Remove(id));
    }

    public void SetOrder(BookOrder order)
    {
        var id = order.Row.ClientOrderId;
        var old = _orders.GetValueOrDefault(id);
        Replace(id, old, order);
        Undo(() => Replace(id, order, old));
    }

    /// <summary>Puts <paramref name="next"/> (or nothing) where <paramref name="previous"/> was, keeping the working-close index in step.</summary>
    private void Replace(string id, BookOrder? previous, BookOrder? next)
    {
        if (previous?.Row is { PositionId: { } was } && IsWorkingClose(previous.Row))
        {
            _workingCloses.Remove(was);
        }

        if (next is null)
        {
            _orders.Remove(id);
            return;
        }

        _orders[id] = next;
        if (next.Row is { PositionId: { } now } && IsWorkingClose(next.Row))
        {
            _workingCloses[now] = id;
        }
    }

    private static bool IsWorkingClose(OrderRecord order) => order.Intent is (OrderIntent.Close or OrderIntent.Roll) && OrderLifecycle.IsWorking(order.State);

    /// <summary>Stores the broker's leg fill unless its fill id was stored before (then nothing).</summary>
    public void AddFill(long? positionId, string? requestId, OrderFillRecord fill)
    {
        if (!_fillIds.Add(fill.BrokerFillId))
        {
            return;
        }

        _fills.Add(new BookFill(++_lastFill, positionId, requestId, fill));
        Undo(() =>
        {
            _fills.RemoveAt(_fills.Count - 1);
            _fillIds.Remove(fill.BrokerFillId);
        });
    }

    public void SetControls(TradingControls controls)
    {
        var old = Controls;
        Controls = controls;
        Undo(() => Controls = old);
    }

    /// <summary>Queues the alert unless its dedup key was queued before (then nothing).</summary>
    public void Enqueue(Alert alert)
    {
        if (!_alertKeys.Add(alert.DedupKey))
        {
            return;
        }

        _outbox.Add(alert);
        Undo(() =>
        {
            _outbox.RemoveAt(_outbox.Count - 1);
            _alertKeys.Remove(alert.DedupKey);
        });
    }

    private void Undo(Action undo) =>
        (_undo ?? throw new InvalidOperationException("the in-memory book is written only inside a transaction.")).Add(undo);
}
