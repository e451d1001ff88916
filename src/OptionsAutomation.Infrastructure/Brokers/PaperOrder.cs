using OptionsAutomation.Core;
using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Infrastructure.Brokers;

/// <summary>
/// One order inside the paper broker. It is evaluated "as of" the ticket's instant plus the time the broker's
/// clock has moved since placement, so a replay placed in the past rests and fills on the replayed market.
/// Not thread-safe: the broker changes it under its lock.
/// </summary>
internal sealed class PaperOrder(OrderTicket ticket, DateTimeOffset placedAt)
{
    private readonly List<LegFill> _fills = [];
    private decimal _netTotal;

    public OrderTicket Ticket { get; } = ticket;

    public OrderState State { get; private set; } = new(
        ticket.ClientOrderId, OrderStatus.Submitted, ticket.Quantity, 0, null, 0m, ValueList<LegFill>.Empty, $"paper-{ticket.ClientOrderId}", null, ticket.AsOf);

    public DateTimeOffset EvaluatedAt(DateTimeOffset now) => Ticket.AsOf + (now - placedAt);

    /// <summary>
    /// Books <paramref name="units"/> filled at the given leg prices, each leg charged <paramref name="feePerContract"/>
    /// per contract (rounded to the cent per leg, so the order's fees are the sum of its fills'); returns the leg fills.
    /// </summary>
    public IReadOnlyList<LegFill> Fill(int units, IReadOnlyList<(OrderLeg Leg, decimal Price)> prices, decimal feePerContract, DateTimeOffset at)
    {
        // Leg fills are numbered across the order's whole life, so every fill id stays unique.
        var fills = prices.Select((p, i) =>
        {
            var contracts = p.Leg.Ratio * units;
            var fee = decimal.Round(feePerContract * contracts, 2, MidpointRounding.AwayFromZero);
            return new LegFill($"{Ticket.ClientOrderId}-{_fills.Count + i + 1}", p.Leg, contracts, p.Price, fee);
        }).ToList();
        var fees = fills.Sum(f => f.Fee);

        _fills.AddRange(fills);
        _netTotal += PaperPricing.Net(prices) * units;
        var filled = State.FilledQuantity + units;
        State = State with
        {
            Status = filled == State.Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled,
            FilledQuantity = filled,
            // Prices carry at most 4 decimals; an average over fills at different prices is rounded to them.
            NetPrice = decimal.Round(_netTotal / filled, 4, MidpointRounding.AwayFromZero),
            Fees = State.Fees + fees,
            Fills = new ValueList<LegFill>(_fills),
            At = at,
        };
        return fills;
    }

    public void Cancel(DateTimeOffset at) => State = State with { Status = OrderStatus.Cancelled, Reason = "cancelled by the client", At = at };

    public void Reject(string reason, DateTimeOffset at) => State = State with { Status = OrderStatus.Rejected, Reason = reason, At = at };
}
