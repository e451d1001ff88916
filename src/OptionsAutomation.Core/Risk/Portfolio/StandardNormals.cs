namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// Independent standard normal draws from a seeded <see cref="Random"/> by the Box–Muller transform (both
/// outputs used). A seeded <see cref="Random"/> keeps its legacy algorithm across .NET versions, so a seed pins
/// the sequence.
/// </summary>
internal sealed class StandardNormals(int seed)
{
#pragma warning disable CA5394 // Risk simulation, not security: a reproducible seeded generator is the point.
    private readonly Random _random = new(seed);
    private double? _spare;

    public double Next()
    {
        if (_spare is { } spare)
        {
            _spare = null;
            return spare;
        }

        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
#pragma warning restore CA5394
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        _spare = radius * Math.Sin(2 * Math.PI * u2);
        return radius * Math.Cos(2 * Math.PI * u2);
    }
}
