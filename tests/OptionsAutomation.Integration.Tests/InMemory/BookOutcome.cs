using OptionsAutomation.Core;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Integration.Tests.InMemory;

/// <summary>
/// Everything a run left in a book, read back through the ports, with closing order ids made comparable
/// (<see cref="OrderIds"/>): positions, trade history, proposals, orders with their history and fills, each position's
/// fills, the trading controls, the alerts queued and the equity the sizer would read.
/// </summary>
internal sealed record BookOutcome(
    IReadOnlyList<object> Answers,
    IReadOnlyList<Position> Positions,
    IReadOnlyList<TradeRecord> Trades,
    IReadOnlyList<TradeProposal> Proposals,
    IReadOnlyList<OrderRecord> Orders,
    IReadOnlyList<(long PositionId, OrderFillRecord Fill)> Fills,
    TradingControls Controls,
    IReadOnlyList<string> Alerts,
    decimal? Equity)
{
    public static async Task<BookOutcome> ReadAsync(
        IReadOnlyList<object> answers, IPositionStore positions, IProposalStore proposals, IOrderRecords orders, ITradingControlsReader controls,
        IAccountEquity account, IReadOnlyList<Alert> alerts)
    {
        var none = CancellationToken.None;
        var all = await positions.ListAsync(PositionStatusFilter.All, null, none);
        var fills = await orders.FillsOfPositionsAsync([.. all.Select(p => p.PositionId)], none);
        return new BookOutcome(
            answers,
            all,
            [.. (await positions.HistoryAsync(null, null, none)).Select(t => t with { ClientOrderId = OrderIds.Stable(t.ClientOrderId) })],
            await proposals.ListAsync(null, 100, none),
            [.. (await orders.ListAsync(OrderFilter.All, none)).Select(Stable)],
            [.. fills.OrderBy(f => f.Key).SelectMany(f => f.Value.Select(fill => (f.Key, Stable(fill))))],
            await controls.GetAsync(none),
            [.. alerts.Select(a => OrderIds.Stable($"{a.DedupKey} {a.Kind} {a.PositionId} {a.RequestId}: {a.Text}")!)],
            await account.GetEquityAsync(none));
    }

    private static OrderRecord Stable(OrderRecord order) => order with
    {
        ClientOrderId = OrderIds.Stable(order.ClientOrderId)!,
        BrokerOrderId = OrderIds.Stable(order.BrokerOrderId),
        Error = OrderIds.Stable(order.Error),
        History = new(order.History.Select(h => h with { Reason = OrderIds.Stable(h.Reason) })),
        Fills = new(order.Fills.Select(Stable)),
        Reprices = new(order.Reprices.Select(r => r with { ClientOrderId = OrderIds.Stable(r.ClientOrderId)! })),
    };

    private static OrderFillRecord Stable(OrderFillRecord fill) =>
        fill with { BrokerFillId = OrderIds.Stable(fill.BrokerFillId)!, ClientOrderId = OrderIds.Stable(fill.ClientOrderId) };
}
