using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Core.Reconciliation;

/// <summary>
/// The comparison of the broker's option positions with ours, pure. Per OCC symbol: the contracts must agree, and where
/// both sides know an average price, the prices must agree within <see cref="PriceTolerance"/> (half a cent: brokers
/// round averages). An order of ours still working in a symbol may have traded at the broker before we book it (we book
/// at its final state), so a broker quantity between ours and ours after the whole order is not a difference, only
/// "in flight"; a broker quantity outside that range still is. Options that expired before <c>today</c> are left out: our
/// expiration job settles them at the close, a broker clears them overnight (the paper broker never does).
/// </summary>
public static class BrokerReconciliation
{
    public const decimal PriceTolerance = 0.005m;

    /// <param name="working">The legs of our orders not yet final, each with the signed contracts its whole quantity trades.</param>
    public static ReconciliationReport Compare(
        IReadOnlyList<BrokerPosition> broker, IReadOnlyList<Holding> ours, IReadOnlyList<(string Symbol, int Contracts)> working, DateOnly today, DateTimeOffset at)
    {
        var theirs = broker.Where(b => b.Contract.Expiration >= today && b.Contracts != 0)
            .GroupBy(b => b.Contract.OccSymbol, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Contracts: g.Sum(b => b.Contracts), Average: (decimal?)g.First().AveragePrice), StringComparer.Ordinal);
        var mine = ours.Where(h => h.Contract.Expiration >= today && h.Contracts != 0)
            .GroupBy(h => h.Contract.OccSymbol, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Contracts: g.Sum(h => h.Contracts), Average: WeightedAverage(g)), StringComparer.Ordinal);
        var pending = working.GroupBy(w => w.Symbol, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(w => w.Contracts), StringComparer.Ordinal);

        var lines = new List<ReconciliationLine>();
        var differences = new List<ReconciliationDifference>();
        var inFlight = new List<string>();
        foreach (var symbol in theirs.Keys.Union(mine.Keys).Order(StringComparer.Ordinal))
        {
            var (brokerContracts, brokerAverage) = theirs.GetValueOrDefault(symbol);
            var (ourContracts, ourAverage) = mine.GetValueOrDefault(symbol);
            lines.Add(new ReconciliationLine(symbol, ourContracts, brokerContracts, ourAverage, brokerAverage));
            if (pending.TryGetValue(symbol, out var moving) && Between(brokerContracts, ourContracts, ourContracts + moving))
            {
                inFlight.Add(symbol);
                continue;
            }

            if (brokerContracts != ourContracts)
            {
                var kind = ourContracts == 0 ? ReconciliationDifference.OnlyAtBroker
                    : brokerContracts == 0 ? ReconciliationDifference.OnlyOurs
                    : ReconciliationDifference.Quantity;
                differences.Add(new ReconciliationDifference(symbol, kind, ourContracts, brokerContracts, ourAverage, brokerAverage));
            }
            else if (ourAverage is { } o && brokerAverage is { } b && Math.Abs(o - b) > PriceTolerance)
            {
                differences.Add(new ReconciliationDifference(symbol, ReconciliationDifference.AveragePrice, ourContracts, brokerContracts, o, b));
            }
        }

        return new ReconciliationReport(at, new(lines), new(differences), new(inFlight));
    }

    /// <summary>The contracts-weighted average of the holdings' prices; unknown when any of them is, or when they face both ways.</summary>
    private static decimal? WeightedAverage(IEnumerable<Holding> holdings)
    {
        var list = holdings.ToList();
        // Long in one position and short in another nets out at the broker with an average of its own making.
        if (list.Any(h => h.AveragePrice is null) || list.Select(h => Math.Sign(h.Contracts)).Distinct().Count() > 1)
        {
            return null;
        }

        var contracts = list.Sum(h => Math.Abs(h.Contracts));
        return contracts == 0 ? null : list.Sum(h => h.AveragePrice!.Value * Math.Abs(h.Contracts)) / contracts;
    }

    private static bool Between(int value, int a, int b) => value >= Math.Min(a, b) && value <= Math.Max(a, b);
}
