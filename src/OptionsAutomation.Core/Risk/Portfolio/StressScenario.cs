namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// A named market move to revalue the portfolio under: every underlying's spot changes by
/// <see cref="UnderlyingMovePercent"/> (−10 = a 10% fall), every implied volatility by
/// <see cref="VolatilityChangePercent"/> relative to its level (+50 turns 20% into 30%), and
/// <see cref="DaysForward"/> calendar days pass. All underlyings move by the same percentage: a market-wide
/// shock, not a beta-scaled one.
/// </summary>
public sealed record StressScenario
{
    public string Name { get; init; } = "";

    public double UnderlyingMovePercent { get; init; }

    public double VolatilityChangePercent { get; init; }

    public double DaysForward { get; init; }

    public MarketShock Shock => MarketShock.Uniform(1 + (UnderlyingMovePercent / 100), 1 + (VolatilityChangePercent / 100), DaysForward);

    /// <summary>
    /// The defaults: spot −5/−10/−20/+5%, volatility +25/+50/+100%, one week of decay, and two crash days
    /// replayed from <c>data/market/spy_daily.csv</c> and <c>vix_daily.csv</c> (close to close, SPY's change as the
    /// spot move, VIX's relative change as the volatility move): 2020-03-16 (SPY 269.32 → 239.85, VIX 57.83 →
    /// 82.69) and 2008-10-15 (SPY 99.85 → 90.02, VIX 55.13 → 69.25). A Core test recomputes both from the files.
    /// </summary>
    public static IReadOnlyList<StressScenario> Defaults { get; } =
    [
        Spot("spot_down_5", -5),
        Spot("spot_down_10", -10),
        Spot("spot_down_20", -20),
        Spot("spot_up_5", 5),
        Volatility("vol_up_25", 25),
        Volatility("vol_up_50", 50),
        Volatility("vol_up_100", 100),
        new() { Name = "one_week_decay", DaysForward = 7 },
        new() { Name = "2020-03-16", UnderlyingMovePercent = -10.9424, VolatilityChangePercent = 42.9881, DaysForward = 1 },
        new() { Name = "2008-10-15", UnderlyingMovePercent = -9.8448, VolatilityChangePercent = 25.6122, DaysForward = 1 },
    ];

    private static StressScenario Spot(string name, double move) => new() { Name = name, UnderlyingMovePercent = move };

    private static StressScenario Volatility(string name, double change) => new() { Name = name, VolatilityChangePercent = change };
}
