namespace OptionsAutomation.Core.MarketData;

/// <summary>
/// The strikes a model chain shows (the synthetic market's and the backtest's): multiples of the underlying's
/// increment, every one within ±10% of spot and every fifth out to ±25%.
/// </summary>
public static class ListedStrikes
{
    private const decimal DenseBand = 0.10m;
    private const decimal ChainBand = 0.25m;
    private const int SparseEvery = 5;

    public static bool IsOnTheGrid(decimal strike, decimal increment) => strike > 0m && strike % increment == 0m;

    /// <summary>The strikes a chain shows around <paramref name="spot"/>, ascending.</summary>
    public static IReadOnlyList<decimal> Around(decimal spot, decimal increment)
    {
        var lowest = Math.Ceiling(spot * (1 - ChainBand) / increment);
        var highest = Math.Floor(spot * (1 + ChainBand) / increment);
        var strikes = new List<decimal>();
        for (var step = Math.Max(lowest, 1m); step <= highest; step++)
        {
            var strike = step * increment;
            if (Math.Abs(strike - spot) <= spot * DenseBand || step % SparseEvery == 0m)
            {
                strikes.Add(strike);
            }
        }

        return strikes;
    }
}
