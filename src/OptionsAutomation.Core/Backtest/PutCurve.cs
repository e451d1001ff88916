namespace OptionsAutomation.Core.Backtest;

/// <summary>
/// Put values along the strike axis of one expiration made free of static arbitrage: the greatest convex function
/// through (0, 0) that lies on or below the given values (their lower convex hull), read between its corners by
/// straight lines. Convex, zero at strike 0 and never below zero, it is non-decreasing too, so no put spread is worth
/// less than nothing and no butterfly has a negative price. Where the given values are already arbitrage-free they are
/// returned unchanged; where a fitted smile overshoots (a steep skew at high VIX, the kink where the surface turns flat)
/// the curve runs under them. It never runs below the forward intrinsic value K·e^(−rT) − S·e^(−qT) when every given
/// value lies above it, since that line is itself a convex function under them.
/// </summary>
public sealed class PutCurve
{
    private readonly double[] _strikes;
    private readonly double[] _values;

    private PutCurve(double[] strikes, double[] values) => (_strikes, _values) = (strikes, values);

    /// <summary>The lower convex hull through (0, 0) of the points (strike, value).</summary>
    /// <param name="strikes">Ascending and above zero.</param>
    /// <param name="values">One per strike, at least zero.</param>
    public static PutCurve Of(IReadOnlyList<double> strikes, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(strikes);
        ArgumentNullException.ThrowIfNull(values);
        if (strikes.Count == 0 || strikes.Count != values.Count)
        {
            throw new ArgumentException("one value per strike, at least one strike.", nameof(values));
        }

        // Andrew's monotone chain, lower half: a corner stays only while the path turns left (counter-clockwise).
        var hullStrikes = new List<double>(strikes.Count + 1) { 0 };
        var hullValues = new List<double>(strikes.Count + 1) { 0 };
        for (var i = 0; i < strikes.Count; i++)
        {
            if (strikes[i] <= hullStrikes[^1] || values[i] < 0 || double.IsNaN(values[i]))
            {
                throw new ArgumentException($"strikes must ascend from above zero and values be at least zero (strike {strikes[i]}, value {values[i]}).", nameof(strikes));
            }

            while (hullStrikes.Count >= 2 && Cross(hullStrikes[^2], hullValues[^2], hullStrikes[^1], hullValues[^1], strikes[i], values[i]) <= 0)
            {
                hullStrikes.RemoveAt(hullStrikes.Count - 1);
                hullValues.RemoveAt(hullValues.Count - 1);
            }

            hullStrikes.Add(strikes[i]);
            hullValues.Add(values[i]);
        }

        return new PutCurve([.. hullStrikes], [.. hullValues]);
    }

    /// <summary>The curve at a strike between zero and the highest given strike.</summary>
    public double ValueAt(double strike)
    {
        if (strike < 0 || strike > _strikes[^1])
        {
            throw new ArgumentOutOfRangeException(nameof(strike), strike, $"outside the curve's strikes 0–{_strikes[^1]}.");
        }

        var i = Array.BinarySearch(_strikes, strike);
        if (i >= 0)
        {
            return _values[i];
        }

        var right = ~i;
        var left = right - 1;
        return _values[left] + ((_values[right] - _values[left]) * (strike - _strikes[left]) / (_strikes[right] - _strikes[left]));
    }

    /// <summary>Twice the signed area of the triangle o, a, b: positive when o → a → b turns left.</summary>
    private static double Cross(double ox, double oy, double ax, double ay, double bx, double by) =>
        ((ax - ox) * (by - oy)) - ((ay - oy) * (bx - ox));
}
