using System.Globalization;

namespace OptionsAutomation.Integration.Tests.Brokers.TradeStation.Server;

/// <summary>
/// A resting order the server fills on its own once its limit is aggressive enough: the net price per share, debit positive
/// (a multi-leg <c>LimitPrice</c> as sent; a single leg's price signed by its action), at least <see cref="NetDebitAtLeast"/>.
/// It then fills one part per status read, at <see cref="LegPrices"/> (per share, in the order's leg order).
/// </summary>
public sealed record TsFillRule(decimal NetDebitAtLeast, IReadOnlyList<int> Parts, IReadOnlyList<decimal> LegPrices);

/// <summary>
/// The server's matching engine for process tests, where nobody can call <see cref="Fill"/> at the right moment: each
/// rule binds to the first open order whose limit reaches it and fills it in parts, one per status read (a poll),
/// so a walk's replaces and the partial fills happen on the wire as they would at the broker. Fills also move the
/// account's positions, as a broker's do.
/// </summary>
public sealed partial class TradeStationServer
{
    private readonly List<(TsFillRule Rule, string? OrderId, int Next)> _fillRules = [];

    /// <summary>The next order whose limit reaches <paramref name="netDebitAtLeast"/> fills in <paramref name="parts"/> (spread units).</summary>
    public void FillWhenLimitReaches(decimal netDebitAtLeast, int[] parts, params decimal[] legPrices)
    {
        lock (_gate)
        {
            _fillRules.Add((new TsFillRule(netDebitAtLeast, parts, legPrices), null, 0));
        }
    }

    /// <summary>Called before every order read: fills the next part of each order a rule holds.</summary>
    private void MatchRestingOrders()
    {
        lock (_gate)
        {
            for (var i = 0; i < _fillRules.Count; i++)
            {
                var (rule, orderId, next) = _fillRules[i];
                var order = orderId is null
                    ? _orders.FirstOrDefault(o => o.IsOpen && _fillRules.All(r => r.OrderId != o.OrderId) && NetDebit(o) >= rule.NetDebitAtLeast)
                    : _orders.Single(o => o.OrderId == orderId);
                if (order is null || !order.IsOpen || next >= rule.Parts.Count)
                {
                    continue;
                }

                Fill(order.OrderId, rule.Parts[next], [.. rule.LegPrices]);
                _fillRules[i] = (rule, order.OrderId, next + 1);
            }
        }
    }

    private static decimal? NetDebit(TsServerOrder order)
    {
        if (order.LimitPrice is null)
        {
            return null;
        }

        var limit = decimal.Parse(order.LimitPrice, CultureInfo.InvariantCulture);
        return order.Legs.Count > 1 ? limit : order.Legs[0].Buys ? limit : -limit;
    }

    /// <summary>A fill of <paramref name="contracts"/> on <paramref name="leg"/> moves the account's position in its symbol.</summary>
    private void MovePosition(string accountId, TsServerLeg leg, int contracts, decimal price)
    {
        var signed = leg.Buys ? contracts : -contracts;
        var index = _positions.FindIndex(p => p.AccountId == accountId && p.Symbol == leg.Symbol);
        var held = index < 0 ? 0 : int.Parse(_positions[index].Quantity, CultureInfo.InvariantCulture);
        var average = index < 0 ? 0m : decimal.Parse(_positions[index].AveragePrice, CultureInfo.InvariantCulture);
        var quantity = held + signed;
        // Adding to a position averages its price; reducing one keeps it.
        var newAverage = Math.Sign(held) == Math.Sign(signed) || held == 0
            ? ((average * Math.Abs(held)) + (price * contracts)) / Math.Abs(quantity)
            : average;
        if (index >= 0)
        {
            _positions.RemoveAt(index);
        }

        if (quantity != 0)
        {
            _positions.Add(new TsPosition(accountId, leg.Symbol, quantity.ToString(CultureInfo.InvariantCulture), Money(newAverage)));
        }
    }
}
