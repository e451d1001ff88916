using System.Globalization;

namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// The portfolio-risk keys of appsettings section <c>Risk</c> (the same section as the gate's
/// <see cref="RiskSettings"/>, which ignores these keys as these ignore its). VaR is one day at
/// <see cref="VarConfidence"/>; limits warn at <see cref="WarnAtPercent"/> of their value and breach at 100%.
/// Percent keys are percentages (5 = 5%), as everywhere in the section.
/// </summary>
public sealed record PortfolioRiskSettings
{
    /// <summary>The scalar keys, which have RISK_* short forms in <see cref="RiskEnvironment"/>.</summary>
    public static IReadOnlyList<string> ScalarKeys { get; } =
    [
        nameof(VarConfidence), nameof(HistoryDays), nameof(MinHistoryReturns), nameof(MonteCarloPaths), nameof(Seed), nameof(BetaBenchmark),
        nameof(WarnAtPercent), nameof(MaxPositionContracts), nameof(MaxPositionValue), nameof(MaxDrawdownPercent),
        nameof(MaxVarPercent), nameof(MaxPositionVarPercent), nameof(CorrelationThreshold), nameof(MaxCorrelatedUnderlyings),
        nameof(BreachAction), nameof(VolSpikeRatio), nameof(VolSpikeWindowDays), nameof(CorrelationChangeAlert), nameof(SnapshotMaxAgeMinutes),
    ];

    /// <summary>One-sided confidence of VaR and CVaR (0.95: the loss exceeded on one day in twenty).</summary>
    public double VarConfidence { get; init; } = 0.95;

    /// <summary>Daily returns of history behind historical VaR, volatilities and correlations; also how many days snapshots are kept.</summary>
    public int HistoryDays { get; init; } = 30;

    /// <summary>
    /// Fewest daily returns a volatility, correlation or historical VaR is computed from: two returns always correlate at
    /// ±1, which would refuse trades and breach the correlation limit on no evidence. An underlying with fewer closes is
    /// left out rather than allowed to shorten everyone's history.
    /// </summary>
    public int MinHistoryReturns { get; init; } = 20;

    public int MonteCarloPaths { get; init; } = 10_000;

    /// <summary>Seed of the Monte Carlo draws: the same portfolio and history give the same VaR.</summary>
    public int Seed { get; init; } = 20260102;

    /// <summary>The index underlying betas and the beta-weighted delta are measured against.</summary>
    public string BetaBenchmark { get; init; } = "SPY";

    /// <summary>A limit warns from this percentage of its value; it breaches at 100%.</summary>
    public double WarnAtPercent { get; init; } = 80;

    /// <summary>Most contracts in one position.</summary>
    public int MaxPositionContracts { get; init; } = 10;

    /// <summary>Largest exposure (collateral or max loss) of one position, in dollars.</summary>
    public decimal MaxPositionValue { get; init; } = 60_000m;

    /// <summary>Drawdown of the equity curve from its peak, in percent.</summary>
    public double MaxDrawdownPercent { get; init; } = 10;

    /// <summary>Historical one-day VaR as a percentage of equity.</summary>
    public double MaxVarPercent { get; init; } = 3;

    /// <summary>Volatility-scaled size: one position's stand-alone parametric one-day VaR as a percentage of equity.</summary>
    public double MaxPositionVarPercent { get; init; } = 1.5;

    /// <summary>Two underlyings whose daily returns correlate above this move as one.</summary>
    public double CorrelationThreshold { get; init; } = 0.9;

    /// <summary>Held underlyings another may correlate with (above the threshold) before it counts as one bet too many.</summary>
    public int MaxCorrelatedUnderlyings { get; init; } = 2;

    /// <summary>What a limit breach does to the trading state: <c>none</c>, <c>REDUCING</c> or <c>HALTED</c>.</summary>
    public string BreachAction { get; init; } = "none";

    /// <summary>
    /// Volatility spike signal: an underlying's realized volatility over the last <see cref="VolSpikeWindowDays"/> daily
    /// returns at least this many times its volatility over the whole history. Informs only (no <see cref="BreachAction"/>).
    /// </summary>
    public double VolSpikeRatio { get; init; } = 1.5;

    /// <summary>
    /// The short window of the volatility spike signal, in daily returns; the long one is the whole history
    /// (<see cref="HistoryDays"/>), and with no more history than this window the signal is not read.
    /// </summary>
    public int VolSpikeWindowDays { get; init; } = 5;

    /// <summary>
    /// Correlation change signal: two held underlyings' correlation moved by at least this much since the last snapshot
    /// of an earlier New York day. Informs only (no <see cref="BreachAction"/>).
    /// </summary>
    public double CorrelationChangeAlert { get; init; } = 0.2;

    /// <summary>
    /// Oldest stored risk snapshot <c>GET /api/risk</c> and the dashboard answer, in minutes; an older one is recomputed
    /// on the spot. The risk job stores one a minute in sessions and none outside them, so without a limit an evening's
    /// reader would be shown the afternoon's book as current.
    /// </summary>
    public int SnapshotMaxAgeMinutes { get; init; } = 10;

    /// <summary>Whether a snapshot computed at <paramref name="asOf"/> may still be answered at <paramref name="now"/>.</summary>
    public bool IsCurrent(DateTimeOffset asOf, DateTimeOffset now) => now - asOf <= TimeSpan.FromMinutes(SnapshotMaxAgeMinutes);

    /// <summary>Stress scenarios; when the section has none, <see cref="StressScenario.Defaults"/>.</summary>
    public IReadOnlyList<StressScenario>? StressScenarios { get; init; }

    public IReadOnlyList<StressScenario> Scenarios => StressScenarios is { Count: > 0 } s ? s : StressScenario.Defaults;

    /// <summary>The trading state a breach moves to, null for none.</summary>
    public TradingState? BreachState =>
        string.Equals(BreachAction, "none", StringComparison.OrdinalIgnoreCase) ? null : DomainCodes.Parse<TradingState>(BreachAction);

    /// <summary>Every invalid setting, each message naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(errors, nameof(VarConfidence), VarConfidence is > 0.5 and < 1, "a probability in (0.5, 1)", VarConfidence);
        Check(errors, nameof(HistoryDays), HistoryDays >= 2, "at least 2", HistoryDays);
        Check(errors, nameof(MinHistoryReturns), MinHistoryReturns >= 2 && MinHistoryReturns <= HistoryDays, $"2 to HistoryDays ({HistoryDays})", MinHistoryReturns);
        Check(errors, nameof(MonteCarloPaths), MonteCarloPaths >= 100, "at least 100", MonteCarloPaths);
        Check(errors, nameof(BetaBenchmark), !string.IsNullOrWhiteSpace(BetaBenchmark), "a ticker", BetaBenchmark);
        Check(errors, nameof(WarnAtPercent), WarnAtPercent is > 0 and < 100, "a percentage in (0, 100)", WarnAtPercent);
        Check(errors, nameof(MaxPositionContracts), MaxPositionContracts > 0, "above 0", MaxPositionContracts);
        Check(errors, nameof(MaxPositionValue), MaxPositionValue > 0m, "above 0", MaxPositionValue);
        Check(errors, nameof(MaxDrawdownPercent), MaxDrawdownPercent is > 0 and <= 100, "a percentage in (0, 100]", MaxDrawdownPercent);
        Check(errors, nameof(MaxVarPercent), MaxVarPercent is > 0 and <= 100, "a percentage in (0, 100]", MaxVarPercent);
        Check(errors, nameof(MaxPositionVarPercent), MaxPositionVarPercent is > 0 and <= 100, "a percentage in (0, 100]", MaxPositionVarPercent);
        Check(errors, nameof(CorrelationThreshold), CorrelationThreshold is > 0 and < 1, "a correlation in (0, 1)", CorrelationThreshold);
        Check(errors, nameof(MaxCorrelatedUnderlyings), MaxCorrelatedUnderlyings > 0, "above 0", MaxCorrelatedUnderlyings);
        Check(errors, nameof(BreachAction),
            string.Equals(BreachAction, "none", StringComparison.OrdinalIgnoreCase) || DomainCodes.TryParse<TradingState>(BreachAction, out var state) && state != TradingState.Active,
            "none, REDUCING or HALTED", BreachAction);
        Check(errors, nameof(VolSpikeRatio), VolSpikeRatio > 1, "above 1", VolSpikeRatio);
        Check(errors, nameof(VolSpikeWindowDays), VolSpikeWindowDays >= 2, "at least 2", VolSpikeWindowDays);
        Check(errors, nameof(CorrelationChangeAlert), CorrelationChangeAlert is > 0 and <= 2, "a change of correlation in (0, 2]", CorrelationChangeAlert);
        Check(errors, nameof(SnapshotMaxAgeMinutes), SnapshotMaxAgeMinutes >= 1, "at least 1", SnapshotMaxAgeMinutes);
        for (var i = 0; i < (StressScenarios?.Count ?? 0); i++)
        {
            var s = StressScenarios![i];
            var key = $"{nameof(StressScenarios)}:{i}";
            Check(errors, key + ":Name", !string.IsNullOrWhiteSpace(s.Name), "a name", s.Name);
            Check(errors, key + ":UnderlyingMovePercent", s.UnderlyingMovePercent > -100, "above -100", s.UnderlyingMovePercent);
            Check(errors, key + ":VolatilityChangePercent", s.VolatilityChangePercent >= -100, "at least -100", s.VolatilityChangePercent);
            Check(errors, key + ":DaysForward", s.DaysForward >= 0, "at least 0", s.DaysForward);
        }

        return errors;
    }

    private static void Check(List<string> errors, string key, bool valid, string expected, object? value)
    {
        if (!valid)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{RiskSettings.SectionName}:{key} must be {expected}, was {value}."));
        }
    }
}
