namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// The standard normal draws of one Monte Carlo path, a function of (seed, path) alone: SplitMix64 (Steele, Lea and
/// Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014) started at a mix of the two, turned into
/// normals by the Box–Muller transform (both outputs used). A path's numbers do not depend on which thread draws them
/// or on the paths drawn before it, so the VaR is the same with one thread or many. A value type: no allocation per path.
/// </summary>
/// <remarks>
/// Each path starts at a pseudo-random point of the generator's 2⁶⁴-long sequence and takes a few draws per underlying,
/// so two paths' streams overlapping is as likely as two random 64-bit numbers lying within a few thousand of each other.
/// Written here rather than taken from a package because Core depends on the BCL only, and <see cref="Random"/> can be
/// neither seeded per path without allocating nor split.
/// </remarks>
public struct PathNormals(int seed, int path)
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;
    private const double UnitScale = 1.0 / (1UL << 53);

    private ulong _state = Mix(unchecked(((ulong)(uint)seed << 32) | (uint)path));
    private double _spare = double.NaN;

    public double Next()
    {
        if (!double.IsNaN(_spare))
        {
            var spare = _spare;
            _spare = double.NaN;
            return spare;
        }

        var u1 = 1.0 - NextUnit();
        var u2 = NextUnit();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        var (sin, cos) = Math.SinCos(2 * Math.PI * u2);
        _spare = radius * sin;
        return radius * cos;
    }

    /// <summary>A uniform draw in [0, 1) from the top 53 bits of the next output.</summary>
    private double NextUnit()
    {
        _state = unchecked(_state + Gamma);
        return (Mix(_state) >> 11) * UnitScale;
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }
}
