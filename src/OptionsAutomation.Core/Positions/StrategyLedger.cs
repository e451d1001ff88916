namespace OptionsAutomation.Core.Positions;

/// <summary>
/// A strategy position as the sum of its legs' ledgers (a VPC: the short put and the long put). Each leg keeps its
/// own lots, P&amp;L and fees; the strategy only adds them up.
/// </summary>
public sealed record StrategyLedger
{
    /// <exception cref="PositionRuleException">when there are no legs or two legs share a symbol (it would count twice).</exception>
    public StrategyLedger(IEnumerable<InstrumentLedger> legs)
    {
        var list = legs.ToList();
        var errors = new List<string>();
        if (list.Count == 0)
        {
            errors.Add("a strategy needs at least one leg.");
        }

        errors.AddRange(list.GroupBy(l => l.Symbol, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} is given {g.Count()} times; each leg is one instrument's ledger."));
        PositionRuleException.ThrowIfAny(errors);
        Legs = new ValueList<InstrumentLedger>(list);
    }

    public ValueList<InstrumentLedger> Legs { get; }

    public decimal RealizedPnl => Legs.Sum(l => l.RealizedPnl);

    public decimal Fees => Legs.Sum(l => l.Fees);

    public decimal NetRealizedPnl => RealizedPnl - Fees;

    /// <summary>The legs' unrealized P&amp;L at their last marks; null while an open leg is unmarked, since a sum missing a leg would look real.</summary>
    public decimal? UnrealizedPnl =>
        Legs.Select(l => l.UnrealizedPnl).Aggregate((decimal?)0m, (sum, leg) => sum + leg);
}
