namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>
/// Appsettings section <c>Adjustments</c>: when the exit sweep recommends a roll, a close or a reduction for an open
/// option position (<see cref="AdjustmentAdvisor"/>), and how the risk score behind it is read.
/// </summary>
public sealed record AdjustmentSettings
{
    public const string SectionName = "Adjustments";

    /// <summary>False: no position is evaluated and no recommendation is made (pending ones stay decidable).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>A position is recommended an adjustment from this risk score (0–100) up.</summary>
    public int RecommendAtScore { get; init; } = 50;

    /// <summary>
    /// A PENDING recommendation stays until the score falls this far below <see cref="RecommendAtScore"/>, so a position
    /// hovering at the line is not recommended and cleared on alternate ticks.
    /// </summary>
    public int ClearMargin { get; init; } = 10;

    /// <summary>Urgency bands of the score: below <see cref="MediumAtScore"/> LOW, then MEDIUM, HIGH, CRITICAL.</summary>
    public int MediumAtScore { get; init; } = 40;

    public int HighAtScore { get; init; } = 60;

    public int CriticalAtScore { get; init; } = 80;

    /// <summary>The short put's |delta| that scores nothing (the screener's 25-delta entry)…</summary>
    public double CalmDelta { get; init; } = 0.25;

    /// <summary>…and the |delta| that scores the whole delta component (well in the money).</summary>
    public double AlarmDelta { get; init; } = 0.60;

    /// <summary>Spot this far above the short strike (percent of spot) scores nothing; at or below the strike, everything.</summary>
    public double CushionPercent { get; init; } = 5;

    /// <summary>An unrealized loss of this share of the max loss scores the whole loss component.</summary>
    public double LossShareAtFull { get; init; } = 0.5;

    /// <summary>Gamma window: with this many days or fewer to expiry, nearness to the strike weighs more each day.</summary>
    public int GammaDays { get; init; } = 21;

    /// <summary>A roll goes to the first listed expiration at least this many days after the current one.</summary>
    public int MinRollDays { get; init; } = 7;

    /// <summary>…and at most this many days from today.</summary>
    public int MaxRollDaysToExpiry { get; init; } = 75;

    /// <summary>The least net credit per share (at natural prices) a roll must collect to be recommended.</summary>
    public decimal MinRollNetCredit { get; init; } = 0.05m;

    /// <summary>Without a roll for a credit, a loss of this share of the max loss (or a CRITICAL score) recommends a close.</summary>
    public double CloseAtLossShare { get; init; } = 0.5;

    /// <summary>Without a roll for a credit and short of a close, a position of at least this many contracts is reduced…</summary>
    public int ReduceMinContracts { get; init; } = 2;

    /// <summary>…by this share of its open contracts (rounded down, at least one); a smaller one is closed.</summary>
    public double ReduceFraction { get; init; } = 0.5;

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

        Require(RecommendAtScore is >= 1 and <= 100, nameof(RecommendAtScore), RecommendAtScore, "must be in [1, 100]");
        Require(ClearMargin >= 0 && ClearMargin < RecommendAtScore, nameof(ClearMargin), ClearMargin, $"must be in [0, {nameof(RecommendAtScore)})");
        Require(MediumAtScore is >= 1 and <= 100 && MediumAtScore < HighAtScore && HighAtScore < CriticalAtScore && CriticalAtScore <= 100,
            $"{nameof(MediumAtScore)}/{nameof(HighAtScore)}/{nameof(CriticalAtScore)}", $"{MediumAtScore}/{HighAtScore}/{CriticalAtScore}", "must rise strictly within [1, 100]");
        Require(CalmDelta is >= 0 and < 1 && AlarmDelta > CalmDelta && AlarmDelta <= 1, $"{nameof(CalmDelta)}/{nameof(AlarmDelta)}", $"{CalmDelta}/{AlarmDelta}", "must satisfy 0 <= calm < alarm <= 1");
        Require(CushionPercent > 0 && double.IsFinite(CushionPercent), nameof(CushionPercent), CushionPercent, "must be above 0");
        Require(LossShareAtFull is > 0 and <= 1, nameof(LossShareAtFull), LossShareAtFull, "must be in (0, 1]");
        Require(GammaDays >= 1, nameof(GammaDays), GammaDays, "must be at least 1");
        Require(MinRollDays >= 1, nameof(MinRollDays), MinRollDays, "must be at least 1");
        Require(MaxRollDaysToExpiry >= MinRollDays, nameof(MaxRollDaysToExpiry), MaxRollDaysToExpiry, $"must be at least {nameof(MinRollDays)}");
        Require(MinRollNetCredit > 0m, nameof(MinRollNetCredit), MinRollNetCredit, "must be above 0 (a roll is for a net credit)");
        Require(CloseAtLossShare is > 0 and <= 1, nameof(CloseAtLossShare), CloseAtLossShare, "must be in (0, 1]");
        Require(ReduceMinContracts >= 2, nameof(ReduceMinContracts), ReduceMinContracts, "must be at least 2");
        Require(ReduceFraction is > 0 and < 1, nameof(ReduceFraction), ReduceFraction, "must be in (0, 1)");
        return errors;
    }

    /// <summary>The urgency band of <paramref name="score"/>.</summary>
    public AdjustmentUrgency UrgencyOf(int score) =>
        score >= CriticalAtScore ? AdjustmentUrgency.Critical
        : score >= HighAtScore ? AdjustmentUrgency.High
        : score >= MediumAtScore ? AdjustmentUrgency.Medium
        : AdjustmentUrgency.Low;
}
