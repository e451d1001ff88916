using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Proposals;

/// <summary>Appsettings section <c>Proposals</c>: what the morning screener looks for.</summary>
public sealed record ProposalSettings
{
    public const string SectionName = "Proposals";

    /// <summary>
    /// Ticker → strategies to propose on it (codes CSP, VPC). Empty here: the defaults (SPY, QQQ, IWM with
    /// both) live in appsettings.json, because the configuration binder appends to a pre-filled list.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Watchlist { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public int MinDaysToExpiry { get; init; } = 30;

    /// <summary>Expirations inside [MinDaysToExpiry, MaxDaysToExpiry]; the one nearest this bound is preferred.</summary>
    public int MaxDaysToExpiry { get; init; } = 45;

    /// <summary>The short put is the one whose |delta| is nearest this (under <see cref="ShortStrikeRule.Delta"/>).</summary>
    public double TargetDelta { get; init; } = 0.25;

    /// <summary>How the short put's strike is picked: by <see cref="TargetDelta"/> (default), or at the money.</summary>
    public ShortStrikeRule ShortStrike { get; init; } = ShortStrikeRule.Delta;

    /// <summary>
    /// Only standard monthly expirations (the third Friday, or the session before when it is a holiday) are screened, not
    /// Weeklys: a one-month put is the next monthly, which the nearest-the-max rule would pass over for a later Weekly.
    /// </summary>
    public bool MonthlyExpirationsOnly { get; init; }

    /// <summary>On which sessions the screen proposes: every session (default), or only on the monthly roll.</summary>
    public EntrySchedule EntrySchedule { get; init; } = EntrySchedule.Daily;

    /// <summary>Distance from the short to the long strike of a VPC, in points.</summary>
    public decimal SpreadWidth { get; init; } = 5m;

    /// <summary>
    /// The least a CSP must collect a share. The 25-delta SPY put 30–45 days out paid 1.70–10.10 on the 2021 mornings
    /// (median 4.17): 1.00 never refused one of them, and refuses only a premium too thin to pay for the cash it ties up.
    /// </summary>
    public decimal MinCspCredit { get; init; } = 1.00m;

    /// <summary>
    /// A VPC must collect at least this fraction of its width. The 25-delta 5-wide SPY spread 30–45 days out paid
    /// 0.40–0.87 on the 2021 mornings (median 0.70, 14% of the width): a tenth (0.50) passed 45 of 47; the ⅓ rule of
    /// thumb, which assumes the short strike near 30–35 delta and a width of several percent of spot, passed none.
    /// </summary>
    public decimal MinVpcCreditFractionOfWidth { get; init; } = 0.10m;

    public long MinOpenInterest { get; init; } = 100;

    /// <summary>Each leg's bid-ask spread at most this percentage of its mid.</summary>
    public decimal MaxLegSpreadPct { get; init; } = 15m;

    /// <summary>No new proposal on a ticker that already has this many open positions.</summary>
    public int MaxOpenPositionsPerTicker { get; init; } = 1;

    /// <summary>Minutes a proposal waits for approval (never past the session close).</summary>
    public int ApprovalWindowMinutes { get; init; } = 30;

    /// <summary>Quote prices of 3.00 and above in nickels (non-penny-pilot classes); pennies otherwise.</summary>
    public bool NickelsAboveThreeDollars { get; init; }

    /// <summary>
    /// The least credit per share a trade of <paramref name="strategy"/> may collect: <see cref="MinCspCredit"/>, or for a
    /// VPC <see cref="MinVpcCreditFractionOfWidth"/> of its <paramref name="width"/>, to the cent. The screener proposes
    /// nothing below it and an opening order's price walk never goes below it.
    /// </summary>
    public decimal MinimumCredit(StrategyType strategy, decimal width) => strategy == StrategyType.VerticalPutCredit
        ? decimal.Round(width * MinVpcCreditFractionOfWidth, 2, MidpointRounding.AwayFromZero)
        : MinCspCredit;

    /// <summary>The watchlist as (ticker, strategy) pairs; throws naming the bad entry.</summary>
    public IReadOnlyList<(string Ticker, StrategyType Strategy)> Targets() =>
        [.. Watchlist.SelectMany(w => w.Value.Select(code => (w.Key.ToUpperInvariant(), DomainCodes.Parse<StrategyType>(code))))];

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Require(bool ok, string key, object value, string rule)
        {
            if (!ok)
            {
                errors.Add($"{SectionName}:{key} {rule}, was {value}.");
            }
        }

        Require(MinDaysToExpiry >= 0, nameof(MinDaysToExpiry), MinDaysToExpiry, "must not be negative");
        Require(MaxDaysToExpiry >= MinDaysToExpiry, nameof(MaxDaysToExpiry), MaxDaysToExpiry, $"must be at least {nameof(MinDaysToExpiry)}");
        Require(TargetDelta is > 0 and < 1, nameof(TargetDelta), TargetDelta, "must be in (0, 1)");
        Require(SpreadWidth > 0m, nameof(SpreadWidth), SpreadWidth, "must be above 0");
        Require(MinCspCredit >= 0m, nameof(MinCspCredit), MinCspCredit, "must not be negative");
        Require(MinVpcCreditFractionOfWidth is >= 0m and < 1m, nameof(MinVpcCreditFractionOfWidth), MinVpcCreditFractionOfWidth, "must be in [0, 1)");
        Require(MinOpenInterest >= 0, nameof(MinOpenInterest), MinOpenInterest, "must not be negative");
        Require(MaxLegSpreadPct > 0m, nameof(MaxLegSpreadPct), MaxLegSpreadPct, "must be above 0");
        Require(MaxOpenPositionsPerTicker >= 1, nameof(MaxOpenPositionsPerTicker), MaxOpenPositionsPerTicker, "must be at least 1");
        Require(Enum.IsDefined(ShortStrike), nameof(ShortStrike), ShortStrike, "must be Delta or AtOrBelowSpot");
        Require(Enum.IsDefined(EntrySchedule), nameof(EntrySchedule), EntrySchedule, "must be Daily or MonthlyRoll");
        Require(ApprovalWindowMinutes >= 1, nameof(ApprovalWindowMinutes), ApprovalWindowMinutes, "must be at least 1");
        foreach (var (ticker, codes) in Watchlist)
        {
            foreach (var code in codes)
            {
                if (!DomainCodes.TryParse<StrategyType>(code, out var strategy) || strategy == StrategyType.Stock)
                {
                    errors.Add($"{SectionName}:{nameof(Watchlist)}:{ticker} has '{code}'; expected CSP or VPC.");
                }
            }
        }

        return errors;
    }
}
