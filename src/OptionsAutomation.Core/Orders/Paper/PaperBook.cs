using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Orders.Paper;

/// <summary>
/// The paper account: cash and option holdings, rebuilt from a paper broker's fills (its book) for each question. A
/// close of a holding the broker never opened (recorded by hand) moves cash but no holding. Collateral per underlying and expiration = short put strikes − long put strikes (a CSP holds its strike, a put credit spread its
/// width), never below zero. Positions and P&amp;L of record live in our own tables; sizing and the risk gate read equity
/// from there.
/// </summary>
public sealed class PaperBook(decimal startingCash)
{
    // Equity options: 100 shares per contract.
    private const int Multiplier = 100;

    private readonly Dictionary<string, BrokerPosition> _holdings = new(StringComparer.Ordinal);

    public decimal Cash { get; private set; } = startingCash;

    public IReadOnlyList<BrokerPosition> Positions => [.. _holdings.Values.OrderBy(h => h.Contract.OccSymbol, StringComparer.Ordinal)];

    public void Apply(IEnumerable<LegFill> fills, decimal fees)
    {
        foreach (var fill in fills)
        {
            Cash += (fill.Leg.Buys ? -fill.Price : fill.Price) * Multiplier * fill.Contracts;
            Hold(fill);
        }

        Cash -= fees;
    }

    public BrokerAccount Account()
    {
        var collateral = _holdings.Values
            .Where(h => h.Contract.Right == OptionRight.Put)
            .GroupBy(h => (h.Contract.Underlying, h.Contract.Expiration))
            .Sum(g => Math.Max(0m, g.Sum(h => -h.Contracts * h.Contract.Strike))) * Multiplier;
        var atCost = _holdings.Values.Sum(h => h.Contracts * h.AveragePrice * Multiplier);
        return new BrokerAccount(Cash, collateral, decimal.Round(Cash + atCost, 2, MidpointRounding.AwayFromZero));
    }

    private void Hold(LegFill fill)
    {
        var symbol = fill.Leg.Contract.OccSymbol;
        var held = _holdings.TryGetValue(symbol, out var holding) ? holding.Contracts : 0;
        var delta = fill.Leg.Buys ? fill.Contracts : -fill.Contracts;
        var opening = fill.Leg.Side is OrderSide.BuyToOpen or OrderSide.SellToOpen;
        int next;
        decimal average;
        if (opening && (held == 0 || Math.Sign(held) == Math.Sign(delta)))
        {
            next = held + delta;
            average = decimal.Round(((holding?.AveragePrice ?? 0m) * Math.Abs(held) + fill.Price * fill.Contracts) / Math.Abs(next), 4, MidpointRounding.AwayFromZero);
        }
        else
        {
            // A reduction: never through zero, and a close of nothing held changes nothing.
            next = held > 0 ? Math.Max(0, held + delta) : Math.Min(0, held + delta);
            next = Math.Sign(delta) == Math.Sign(held) ? held : next;
            average = holding?.AveragePrice ?? 0m;
        }

        if (next == 0)
        {
            _holdings.Remove(symbol);
        }
        else
        {
            _holdings[symbol] = new BrokerPosition(fill.Leg.Contract, next, average);
        }
    }
}
