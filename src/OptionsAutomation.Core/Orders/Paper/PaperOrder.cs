namespace OptionsAutomation.Core.Orders.Paper;

/// <summary>
/// One order inside a paper broker: its ticket, its state and its fills, kept by the broker's book (Postgres, or memory in
/// a backtest) and changed only by <see cref="PaperExchange"/>. It is evaluated "as of" the ticket's instant plus the time the broker's clock has moved since placement, so a
/// replay placed in the past rests and fills on the replayed market.
/// </summary>
public sealed class PaperOrder
{
    private readonly List<LegFill> _fills;
    private readonly int _storedFills;

    public PaperOrder(OrderTicket ticket, DateTimeOffset placedAt)
        : this(ticket, placedAt, new(ticket.ClientOrderId, OrderStatus.Submitted, ticket.Quantity, 0, null, 0m, ValueList<LegFill>.Empty, BrokerOrderId(ticket.ClientOrderId), null, ticket.AsOf), 0m)
    {
    }

    /// <summary>An order as its book holds it.</summary>
    public PaperOrder(OrderTicket ticket, DateTimeOffset placedAt, OrderState state, decimal netTotal)
    {
        Ticket = ticket;
        PlacedAt = placedAt;
        State = state;
        NetTotal = netTotal;
        _fills = [.. state.Fills];
        _storedFills = _fills.Count;
    }

    public OrderTicket Ticket { get; private set; }

    public DateTimeOffset PlacedAt { get; }

    public OrderState State { get; private set; }

    /// <summary>Σ net price per share × units over the fills: the average net price is this over the filled units.</summary>
    public decimal NetTotal { get; private set; }

    /// <summary>Fills made since this object was built from its book (numbered across the order's life), not yet stored there.</summary>
    public IEnumerable<(LegFill Fill, int Seq)> NewFills => _fills.Skip(_storedFills).Select((f, i) => (f, _storedFills + i + 1));

    public static string BrokerOrderId(string clientOrderId) => $"paper-{clientOrderId}";

    public DateTimeOffset EvaluatedAt(DateTimeOffset now) => Ticket.AsOf + (now - PlacedAt);

    /// <summary>
    /// Books <paramref name="units"/> filled at the given leg prices, each leg charged <paramref name="feePerContract"/>
    /// per contract (rounded to the cent per leg, so the order's fees are the sum of its fills').
    /// </summary>
    public void Fill(int units, IReadOnlyList<(OrderLeg Leg, decimal Price)> prices, decimal feePerContract, DateTimeOffset at)
    {
        // Leg fills are numbered across the order's whole life, so every fill id stays unique.
        var fills = prices.Select((p, i) =>
        {
            var contracts = p.Leg.Ratio * units;
            var fee = decimal.Round(feePerContract * contracts, 2, MidpointRounding.AwayFromZero);
            return new LegFill($"{Ticket.ClientOrderId}-{_fills.Count + i + 1}", p.Leg, contracts, p.Price, fee);
        }).ToList();

        _fills.AddRange(fills);
        NetTotal += PaperPricing.Net(prices) * units;
        var filled = State.FilledQuantity + units;
        State = State with
        {
            Status = filled == State.Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled,
            FilledQuantity = filled,
            // Prices carry at most 4 decimals; an average over fills at different prices is rounded to them.
            NetPrice = decimal.Round(NetTotal / filled, 4, MidpointRounding.AwayFromZero),
            Fees = State.Fees + fills.Sum(f => f.Fee),
            Fills = new ValueList<LegFill>(_fills),
            At = at,
        };
    }

    /// <summary>A replace: the order works on at a new limit price, keeping what already filled.</summary>
    public void Reprice(decimal limitPrice) => Ticket = Ticket with { LimitPrice = limitPrice };

    public void Cancel(DateTimeOffset at) => State = State with { Status = OrderStatus.Cancelled, Reason = "cancelled by the client", At = at };

    public void Reject(string reason, DateTimeOffset at) => State = State with { Status = OrderStatus.Rejected, Reason = reason, At = at };
}
