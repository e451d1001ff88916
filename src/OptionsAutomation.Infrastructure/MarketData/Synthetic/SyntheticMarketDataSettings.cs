namespace OptionsAutomation.Infrastructure.MarketData.Synthetic;

/// <summary>
/// Appsettings section <c>MarketData:Synthetic</c>: the seeded random market the <c>synthetic</c> provider
/// invents. Each underlying is at its <see cref="SyntheticUnderlyingSettings.Price"/> at <see cref="Origin"/>
/// and walks from there, forwards and backwards in time.
/// </summary>
public sealed record SyntheticMarketDataSettings
{
    public const string SectionName = "MarketData:Synthetic";

    /// <summary>Same seed, same market: every quote is a function of the seed, the symbol and the minute.</summary>
    public long Seed { get; init; } = 20260102;

    /// <summary>The instant at which every underlying is at its configured price (09:30 New York, 2026-01-02).</summary>
    public DateTimeOffset Origin { get; init; } = new(2026, 1, 2, 14, 30, 0, TimeSpan.Zero);

    /// <summary>Continuously compounded risk-free rate used to price the options.</summary>
    public double RiskFreeRate { get; init; } = 0.04;

    /// <summary>The underlyings quoted, by symbol; configuration adds to these defaults.</summary>
    public IReadOnlyDictionary<string, SyntheticUnderlyingSettings> Underlyings { get; init; } = new Dictionary<string, SyntheticUnderlyingSettings>
    {
        ["SPY"] = new() { Price = 580m, Volatility = 0.16, DividendYield = 0.013 },
        ["QQQ"] = new() { Price = 500m, Volatility = 0.20, DividendYield = 0.006 },
        ["IWM"] = new() { Price = 220m, Volatility = 0.23, DividendYield = 0.012, Skew = 0.4, Smile = 0.8 },
    };

    /// <summary>
    /// Correlation of the daily returns, by pair: <c>Correlations:SPY:QQQ = 0.92</c> (either order; a pair given both
    /// ways must agree; unlisted pairs are 0). Pairs naming an underlying that is not quoted are ignored. The defaults are
    /// public estimates of daily-return correlation over 2020–2025 (docs/architecture.md, "Synthetic market").
    /// Configuration adds to and overrides these defaults.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Correlations { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["SPY"] = new Dictionary<string, double> { ["QQQ"] = 0.92, ["IWM"] = 0.85 },
            ["QQQ"] = new Dictionary<string, double> { ["IWM"] = 0.75 },
        };

    /// <summary>The configured correlation of a pair, looked up in either order; null when not given.</summary>
    public double? Correlation(string a, string b) =>
        Correlations.GetValueOrDefault(a)?.TryGetValue(b, out var ab) == true ? ab
        : Correlations.GetValueOrDefault(b)?.TryGetValue(a, out var ba) == true ? ba
        : null;

    /// <summary>Every invalid setting, each message naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!double.IsFinite(RiskFreeRate) || Math.Abs(RiskFreeRate) > 1)
        {
            errors.Add($"{SectionName}:{nameof(RiskFreeRate)} must be a rate between -1 and 1, was {RiskFreeRate}.");
        }

        if (Underlyings.Count == 0)
        {
            errors.Add($"{SectionName}:{nameof(Underlyings)} must name at least one underlying.");
        }

        foreach (var (symbol, underlying) in Underlyings)
        {
            errors.AddRange(underlying.Validate($"{SectionName}:{nameof(Underlyings)}:{symbol}"));
        }

        errors.AddRange(ValidateCorrelations());
        return errors;
    }

    private IEnumerable<string> ValidateCorrelations()
    {
        foreach (var (a, row) in Correlations)
        {
            foreach (var (b, value) in row)
            {
                var key = $"{SectionName}:{nameof(Correlations)}:{a}:{b}";
                if (!(value is >= -1 and <= 1) || string.Equals(a, b, StringComparison.Ordinal))
                {
                    yield return $"{key} must be in [-1, 1] and pair two different underlyings, was {value}.";
                }
                else if (Correlations.GetValueOrDefault(b)?.TryGetValue(a, out var other) == true && other != value)
                {
                    yield return $"{key} is {value} but {SectionName}:{nameof(Correlations)}:{b}:{a} is {other}; give a pair once.";
                }
            }
        }

        var symbols = Underlyings.Keys.Order(StringComparer.Ordinal).ToList();
        if (CorrelatedShocks.Cholesky(CorrelatedShocks.Matrix(symbols, this)) is null)
        {
            yield return $"{SectionName}:{nameof(Correlations)} among {string.Join(", ", symbols)} is not a valid correlation matrix (not positive definite).";
        }
    }
}

/// <summary>One synthetic underlying: where it starts, how it moves, and the shape of its option prices.</summary>
public sealed record SyntheticUnderlyingSettings
{
    /// <summary>Price at <see cref="SyntheticMarketDataSettings.Origin"/>.</summary>
    public decimal Price { get; init; } = 100m;

    /// <summary>Annual volatility of the walk, and the at-the-money implied volatility of its options.</summary>
    public double Volatility { get; init; } = 0.20;

    /// <summary>Annual drift of the walk (expected return).</summary>
    public double Drift { get; init; } = 0.05;

    /// <summary>Continuous dividend yield, used in pricing.</summary>
    public double DividendYield { get; init; }

    /// <summary>Implied volatility added per unit of log-moneyness below the spot: IV = ATM − Skew·ln(K/S) + Smile·ln(K/S)².</summary>
    public double Skew { get; init; } = 0.5;

    /// <summary>The curvature of the smile, lifting far strikes on both sides.</summary>
    public double Smile { get; init; } = 1.0;

    /// <summary>Strike spacing near the money; beyond ±10% of spot strikes are listed every five increments.</summary>
    public decimal StrikeIncrement { get; init; } = 1m;

    public IReadOnlyList<string> Validate(string key)
    {
        var errors = new List<string>();
        if (Price <= 0m)
        {
            errors.Add($"{key}:{nameof(Price)} must be above 0, was {Price}.");
        }

        if (!(Volatility is > 0 and <= 3))
        {
            errors.Add($"{key}:{nameof(Volatility)} must be in (0, 3], was {Volatility}.");
        }

        if (!double.IsFinite(Drift) || Math.Abs(Drift) > 1)
        {
            errors.Add($"{key}:{nameof(Drift)} must be between -1 and 1, was {Drift}.");
        }

        if (!(DividendYield is >= 0 and < 1))
        {
            errors.Add($"{key}:{nameof(DividendYield)} must be in [0, 1), was {DividendYield}.");
        }

        if (!(Skew is >= 0 and <= 5) || !(Smile is >= 0 and <= 10))
        {
            errors.Add($"{key}:{nameof(Skew)} must be in [0, 5] and {nameof(Smile)} in [0, 10], were {Skew} and {Smile}.");
        }

        if (StrikeIncrement <= 0m)
        {
            errors.Add($"{key}:{nameof(StrikeIncrement)} must be above 0, was {StrikeIncrement}.");
        }

        return errors;
    }
}
