namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// The positions as the Monte Carlo revalues them: identical contracts (same underlying, spot, right, strike, time and
/// volatility) grouped into one <see cref="ContractGroup"/> priced once per path whatever the number of positions holding
/// it, and shares reduced to their dollars per underlying. Built once per report; <see cref="Pnl"/> allocates nothing.
/// </summary>
internal sealed class SimulationBook
{
    private readonly ContractGroup[] _groups;
    private readonly double[] _shareDollars;

    public SimulationBook(IReadOnlyList<RiskPosition> positions, CovarianceModel model, double rate, Func<string, double> dividendYield)
    {
        var underlyings = model.Underlyings.Select((u, i) => (u, i)).ToDictionary(x => x.u, x => x.i, StringComparer.Ordinal);
        _shareDollars = new double[underlyings.Count];
        var units = new Dictionary<GroupKey, double>();
        foreach (var position in positions)
        {
            var index = underlyings[position.Underlying];
            _shareDollars[index] += position.ShareUnits * position.Spot;
            foreach (var leg in position.Legs)
            {
                var key = new GroupKey(index, position.Spot, leg.Right, leg.Strike, Math.Max(leg.Years, 0), leg.ImpliedVolatility);
                units[key] = units.GetValueOrDefault(key) + leg.Units;
            }
        }

        _groups = [.. units.Select(g => new ContractGroup(
            g.Key.Underlying, g.Key.Right, g.Key.Spot, g.Key.Strike, g.Key.Years, rate, dividendYield(model.Underlyings[g.Key.Underlying]), g.Key.Volatility, g.Value))];
    }

    /// <summary>Contracts priced per path (the grouping's effect: at most the number of legs).</summary>
    public int Groups => _groups.Length;

    /// <summary>The book's P&amp;L when each underlying i moves by the log return <paramref name="logReturns"/>[i] (factors eˣ given).</summary>
    public double Pnl(ReadOnlySpan<double> logReturns, ReadOnlySpan<double> spotFactors)
    {
        var pnl = 0.0;
        for (var i = 0; i < _shareDollars.Length; i++)
        {
            pnl += _shareDollars[i] * (spotFactors[i] - 1);
        }

        foreach (var group in _groups)
        {
            pnl += group.Pnl(logReturns[group.Underlying], spotFactors[group.Underlying]);
        }

        return pnl;
    }

    private readonly record struct GroupKey(int Underlying, double Spot, Instruments.OptionRight Right, double Strike, double Years, double Volatility);
}
