using System.Globalization;
using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

/// <summary>
/// Leg executions from order snapshots. TradeStation reports per leg the cumulative <c>ExecQuantity</c> and the
/// average <c>ExecutionPrice</c> so far; a fill is an increase of the cumulative quantity, priced so the stored fills
/// average to the reported price. A leg without an <c>ExecutionPrice</c> has not executed, whatever its quantity says
/// (an expired order can show its ordered quantity as executed). The fill id is the broker's order id, the leg and the
/// cumulative quantity reached, so the same snapshot read twice yields the same ids and nothing new.
/// Commissions: the order's cumulative <c>CommissionFee</c> less what earlier fills carry, split over the new fills by
/// contracts, to the cent, the rounding left on the last one.
/// </summary>
public static class TradeStationFills
{
    internal static IReadOnlyList<LegFill> New(string brokerOrderId, IReadOnlyList<OrderLeg> legs, IReadOnlyList<LegFill> stored, TsOrder order)
    {
        // Frames may repeat a leg or list legs in another order: each of our legs takes its largest report.
        var executions = new Dictionary<OrderLeg, (int Cumulative, decimal Average)>();
        foreach (var reported in order.Legs ?? [])
        {
            if (TradeStationJson.ParseDecimal(reported.ExecutionPrice) is { } average
                && TradeStationJson.ParseDecimal(reported.ExecQuantity) is { } executed
                && TradeStationSymbols.TryParse(reported.Symbol, out var contract)
                && legs.FirstOrDefault(l => l.Contract == contract) is { } leg
                && (!executions.TryGetValue(leg, out var seen) || seen.Cumulative < executed))
            {
                executions[leg] = (decimal.ToInt32(executed), average);
            }
        }

        var fresh = new List<LegFill>();
        foreach (var leg in legs)
        {
            var (contracts, notional) = Recorded(stored, leg);
            if (!executions.TryGetValue(leg, out var execution) || execution.Cumulative <= contracts)
            {
                continue;
            }

            var added = execution.Cumulative - contracts;
            var price = Math.Round((execution.Average * execution.Cumulative - notional) / added, 4, MidpointRounding.AwayFromZero);
            fresh.Add(new LegFill(
                string.Create(CultureInfo.InvariantCulture, $"ts-{brokerOrderId}-{leg.Contract.OccSymbol.Replace(" ", "", StringComparison.Ordinal)}-{execution.Cumulative}"),
                leg, added, price < 0m ? execution.Average : price));
        }

        return AllocateFees(fresh, (TradeStationJson.ParseDecimal(order.CommissionFee) ?? 0m) - stored.Sum(f => f.Fee));
    }

    private static (int Contracts, decimal Notional) Recorded(IReadOnlyList<LegFill> stored, OrderLeg leg)
    {
        var mine = stored.Where(f => f.Leg.Contract == leg.Contract).ToList();
        return (mine.Sum(f => f.Contracts), mine.Sum(f => f.Price * f.Contracts));
    }

    private static List<LegFill> AllocateFees(List<LegFill> fills, decimal fees)
    {
        if (fills.Count == 0 || fees <= 0m)
        {
            return fills;
        }

        var total = fills.Sum(f => f.Contracts);
        var cents = Math.Round(fees, 2, MidpointRounding.AwayFromZero);
        var left = cents;
        var result = new List<LegFill>(fills.Count);
        for (var i = 0; i < fills.Count; i++)
        {
            var share = i == fills.Count - 1 ? left : Math.Round(cents * fills[i].Contracts / total, 2, MidpointRounding.ToZero);
            left -= share;
            result.Add(fills[i] with { Fee = share });
        }

        return result;
    }
}
