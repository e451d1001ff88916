using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Cli;

/// <summary>
/// A named set of setting overrides for <c>optauto backtest --profile</c>: a configuration layer above appsettings and
/// below environment variables and the command line, so any of its settings can still be overridden. It adds no rule of
/// its own: the run is the same engine and the same Core use cases. <see cref="Refusal"/> names an override the profile
/// cannot mean (one that makes it a different strategy), checked on the settings the run would use.
/// </summary>
internal sealed record BacktestProfile(
    string Name,
    string Description,
    IReadOnlyDictionary<string, string?> Settings,
    Func<TradingSettings, BacktestSettings, string?> Refusal);

internal static class BacktestProfiles
{
    public const string Default = "default";
    public const string PutWrite = "putwrite";

    /// <summary>A limit the index does not have, set so high it never binds (the risk settings have no "off" value).</summary>
    private const string Unbounded = "1000000000000";

    public static IReadOnlyList<BacktestProfile> All { get; } =
    [
        new(Default, "the configured strategy (watchlist, screener, sizing, exit rules)", new Dictionary<string, string?>(), (_, _) => null),
        new(PutWrite, "Cboe S&P 500 PutWrite (PUT) on SPY: the at-the-money one-month put sold each monthly expiration day, held to expiration, fully collateralised",
            PutWriteSettings(), PutWriteRefusal),
    ];

    public static BacktestProfile? Find(string name) => All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    public static string Names => string.Join(", ", All.Select(p => p.Name));

    /// <summary>
    /// Cboe's PUT methodology as settings (docs/backtest.md, "Profiles"): roll on the monthly expiration day; sell the
    /// next monthly put (27–36 days out) struck at the highest listed strike at or below the underlying; as many whole
    /// contracts as equity covers at the strike (100% collateral); hold to expiration, no exit rule; every proposal
    /// approved. The screen's quality filters and the risk gate's account limits, which the index does not have, are
    /// opened so they never skip a month; the quote-freshness and price checks stay.
    /// </summary>
    private static Dictionary<string, string?> PutWriteSettings() => new()
    {
        [$"{BacktestSettings.SectionName}:{nameof(BacktestSettings.Strategies)}:0"] = "CSP",
        [$"{BacktestSettings.SectionName}:{nameof(BacktestSettings.ApprovalShare)}"] = "1",
        [$"{ProposalSettings.SectionName}:{nameof(ProposalSettings.EntrySchedule)}"] = nameof(EntrySchedule.MonthlyRoll),
        [$"{ProposalSettings.SectionName}:{nameof(ProposalSettings.MonthlyExpirationsOnly)}"] = "true",
        [$"{ProposalSettings.SectionName}:{nameof(ProposalSettings.MinDaysToExpiry)}"] = "20",
        [$"{ProposalSettings.SectionName}:{nameof(ProposalSettings.MaxDaysToExpiry)}"] = "40",
        [$"{ProposalSettings.SectionName}:{nameof(ProposalSettings.ShortStrike)}"] = nameof(ShortStrikeRule.AtOrBelowSpot),
        [$"{ProposalSettings.SectionName}:{nameof(ProposalSettings.MinCspCredit)}"] = "0",
        [$"{ProposalSettings.SectionName}:{nameof(ProposalSettings.MinOpenInterest)}"] = "0",
        [$"{ProposalSettings.SectionName}:{nameof(ProposalSettings.MaxLegSpreadPct)}"] = "100",
        [$"{ProposalSettings.SectionName}:{nameof(ProposalSettings.MaxOpenPositionsPerTicker)}"] = "1",
        [$"{ExitRuleSettings.SectionName}:{nameof(ExitRuleSettings.HoldToExpiration)}"] = "true",
        [$"{SizingSettings.SectionName}:{nameof(SizingSettings.CollateralPerTradePct)}"] = "100",
        [$"{SizingSettings.SectionName}:{nameof(SizingSettings.MaxCommittedPct)}"] = "100",
        [$"{RiskSettings.SectionName}:{nameof(RiskSettings.MaxOrderNotional)}"] = Unbounded,
        [$"{RiskSettings.SectionName}:{nameof(RiskSettings.MaxOrderNotionalPercent)}"] = "100",
        [$"{RiskSettings.SectionName}:{nameof(RiskSettings.MaxTotalExposure)}"] = Unbounded,
        [$"{RiskSettings.SectionName}:{nameof(RiskSettings.MaxExposurePercent)}"] = "100",
        [$"{RiskSettings.SectionName}:{nameof(RiskSettings.MaxDailyLoss)}"] = Unbounded,
        [$"{RiskSettings.SectionName}:{nameof(RiskSettings.MaxDailyLossPercent)}"] = "100",
        [$"{RiskSettings.SectionName}:{nameof(RiskSettings.MaxConsecutiveLosses)}"] = "1000000",
    };

    private static string? PutWriteRefusal(TradingSettings trading, BacktestSettings backtest)
    {
        static string Refuse(string key, string why) => $"--profile {PutWrite} cannot be run with a different {key}: {why}.";
        if (backtest.ApprovalShare != 1m)
        {
            return Refuse($"{BacktestSettings.SectionName}:{nameof(BacktestSettings.ApprovalShare)}", "the index sells every month's put");
        }

        if (backtest.Strategies is not [var only] || !string.Equals(only, "CSP", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse($"{BacktestSettings.SectionName}:{nameof(BacktestSettings.Strategies)}", "the index sells cash-secured puts (CSP) only");
        }

        if (!trading.Exits.HoldToExpiration)
        {
            return Refuse($"{ExitRuleSettings.SectionName}:{nameof(ExitRuleSettings.HoldToExpiration)}", "the index holds every put to expiration, with no exit rule");
        }

        return trading.Proposals.EntrySchedule != EntrySchedule.MonthlyRoll
            ? Refuse($"{ProposalSettings.SectionName}:{nameof(ProposalSettings.EntrySchedule)}", "the index sells only on the monthly roll")
            : null;
    }
}
