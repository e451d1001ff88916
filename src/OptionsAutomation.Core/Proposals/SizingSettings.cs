using System.Globalization;
using OptionsAutomation.Core.Proposals.Sizing;
using OptionsAutomation.Core.Proposals.Sizing.Ml;

namespace OptionsAutomation.Core.Proposals;

/// <summary>
/// Appsettings section <c>Sizing</c>: how many contracts a proposal asks for. A VPC is sized by its max loss, a CSP by
/// the cash it ties up, and neither may take the account's committed capital (open CSPs' collateral plus open spreads'
/// max loss, the risk gate's exposure measure) past <see cref="MaxCommittedPct"/>.
/// </summary>
public sealed record SizingSettings
{
    public const string SectionName = "Sizing";

    /// <summary>Percent of account equity one VPC may lose (its max loss).</summary>
    public decimal RiskPerTradePct { get; init; } = 2m;

    /// <summary>
    /// Percent of account equity one CSP may tie up as collateral (strike × 100 a contract). 50 lets a $100k account
    /// secure one SPY put of 2021 (strikes 350–463); a 2% rule would need $2.3M for one contract.
    /// </summary>
    public decimal CollateralPerTradePct { get; init; } = 50m;

    /// <summary>
    /// Percent of account equity all open positions and this run's proposals may commit together. Keep it at most
    /// <c>Risk:MaxExposurePercent</c> so a sized proposal is not then refused by the gate's exposure check.
    /// </summary>
    public decimal MaxCommittedPct { get; init; } = 80m;

    /// <summary>How proposals are sized: fixed | kelly | volatility | portfolio | ml (docs/sizing.md).</summary>
    public string Strategy { get; init; } = SizingStrategies.Fixed;

    /// <summary>Watchlist ticker → strategy, for the tickers sized other than by <see cref="Strategy"/>.</summary>
    public IReadOnlyDictionary<string, string> Tickers { get; init; } = new Dictionary<string, string>();

    /// <summary>The share of the (shrunk) Kelly fraction committed; ¼ Kelly keeps most of the growth at far less drawdown.</summary>
    public decimal KellyFraction { get; init; } = 0.25m;

    /// <summary>Fewer closed trades of the strategy than this and <c>kelly</c> falls back to <c>fixed</c>.</summary>
    public int KellyMinTrades { get; init; } = 30;

    /// <summary>
    /// A trades file of <c>optauto backtest --trades</c> that <c>kelly</c> reads while the live record of a strategy is
    /// shorter than <see cref="KellyMinTrades"/> (its trades closed before the proposal's day only); unset: none.
    /// Read once when the services are built; a file that cannot be read stops start-up.
    /// </summary>
    public string? KellyBacktestRecord { get; init; }

    /// <summary>Daily returns in one realised-volatility reading (about a month of sessions).</summary>
    public int VolatilityWindowDays { get; init; } = 20;

    /// <summary>Readings the regime is ranked among (about a year of sessions).</summary>
    public int VolatilityLookbackDays { get; init; } = 252;

    /// <summary>The scale of the fixed budget at the top of the volatility range.</summary>
    public decimal VolatilityMinScale { get; init; } = 0.5m;

    /// <summary>The scale of the fixed budget at the bottom of the volatility range; 1 never sizes above <c>fixed</c>.</summary>
    public decimal VolatilityMaxScale { get; init; } = 1m;

    /// <summary><c>portfolio</c>: percent of equity all positions on one underlying may commit.</summary>
    public decimal MaxUnderlyingPct { get; init; } = 50m;

    /// <summary><c>portfolio</c>: percent of equity all positions expiring in one week may commit.</summary>
    public decimal MaxExpirationWeekPct { get; init; } = 50m;

    /// <summary><c>portfolio</c>: the share of the fixed budget left to a trade correlated with a held underlying.</summary>
    public decimal CorrelatedCut { get; init; } = 0.5m;

    /// <summary><c>ml</c>: the multiplier's bounds and when its model is not trusted (<c>Sizing:Ml</c>).</summary>
    public MlSizingSettings Ml { get; init; } = new();

    /// <summary>The strategy that sizes <paramref name="ticker"/>'s proposals.</summary>
    public string StrategyFor(string ticker) =>
        Tickers.FirstOrDefault(t => string.Equals(t.Key, ticker, StringComparison.OrdinalIgnoreCase)).Value ?? Strategy;

    /// <param name="watchlist">The tickers of <c>Proposals:Watchlist</c>: an override for any other ticker is a mistake.</param>
    public IReadOnlyList<string> Validate(IEnumerable<string> watchlist)
    {
        var errors = Validate().ToList();
        var listed = watchlist.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var ticker in Tickers.Keys.Where(t => !listed.Contains(t)))
        {
            errors.Add($"{SectionName}:{nameof(Tickers)}:{ticker} names a ticker that is not in Proposals:Watchlist.");
        }

        return errors;
    }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Require(bool ok, string key, object value, string rule)
        {
            if (!ok)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{key} {rule}, was {value}."));
            }
        }

        errors.AddRange(new[] { SizingStrategies.Problem($"{SectionName}:{nameof(Strategy)}", Strategy) }
            .Concat(Tickers.Select(t => SizingStrategies.Problem($"{SectionName}:{nameof(Tickers)}:{t.Key}", t.Value)))
            .OfType<string>());
        Require(KellyFraction is > 0m and <= 1m, nameof(KellyFraction), KellyFraction, "must be in (0, 1]");
        Require(KellyMinTrades >= 2, nameof(KellyMinTrades), KellyMinTrades, "must be at least 2");
        Require(VolatilityWindowDays >= 2, nameof(VolatilityWindowDays), VolatilityWindowDays, "must be at least 2");
        Require(VolatilityLookbackDays >= 2, nameof(VolatilityLookbackDays), VolatilityLookbackDays, "must be at least 2");
        Require(VolatilityMinScale is > 0m and <= 2m, nameof(VolatilityMinScale), VolatilityMinScale, "must be in (0, 2]");
        Require(VolatilityMaxScale >= VolatilityMinScale && VolatilityMaxScale <= 2m, nameof(VolatilityMaxScale), VolatilityMaxScale, $"must be in [{nameof(VolatilityMinScale)}, 2]");
        Require(CorrelatedCut is >= 0m and <= 1m, nameof(CorrelatedCut), CorrelatedCut, "must be in [0, 1]");
        errors.AddRange(Ml.Validate($"{SectionName}:{nameof(Ml)}"));
        foreach (var (key, value) in new[]
                 {
                     (nameof(RiskPerTradePct), RiskPerTradePct),
                     (nameof(CollateralPerTradePct), CollateralPerTradePct),
                     (nameof(MaxCommittedPct), MaxCommittedPct),
                     (nameof(MaxUnderlyingPct), MaxUnderlyingPct),
                     (nameof(MaxExpirationWeekPct), MaxExpirationWeekPct),
                 })
        {
            if (value is not (> 0m and <= 100m))
            {
                errors.Add($"{SectionName}:{key} must be in (0, 100], was {value}.");
            }
        }

        return errors;
    }
}
