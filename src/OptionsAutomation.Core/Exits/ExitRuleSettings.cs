namespace OptionsAutomation.Core.Exits;

/// <summary>
/// Appsettings section <c>ExitRules</c>: the strategy rules from which a position's profit target
/// and stop loss are derived when it opens. Amounts are fractions/multiples of the max profit (the credit).
/// </summary>
public sealed record ExitRuleSettings
{
    public const string SectionName = "ExitRules";

    /// <summary>Take profit at this fraction of max profit (0.50 = 50%).</summary>
    public decimal ProfitTargetFraction { get; init; } = 0.50m;

    /// <summary>CSP stop: exit when the loss reaches this multiple of the credit (2.0 = 200%).</summary>
    public decimal CspStopLossMultiple { get; init; } = 2.0m;

    /// <summary>VPC stop: this multiple of the credit, capped at the spread's max loss.</summary>
    public decimal VpcStopLossMultiple { get; init; } = 2.0m;

    /// <summary>Close when days to expiry fall to this or fewer.</summary>
    public int ExitAtDaysToExpiry { get; init; } = 21;

    /// <summary>Shares per equity option contract.</summary>
    public int ContractMultiplier { get; init; } = 100;

    /// <summary>A mark whose oldest leg quote is older than this is stale: price rules do not act on it.</summary>
    public int MaxMarkAgeMinutes { get; init; } = 10;

    /// <summary>A leg whose bid-ask spread exceeds this percentage of its mid makes the mark unusable.</summary>
    public decimal MaxSpreadPct { get; init; } = 30m;

    /// <summary>Consecutive fresh marks beyond the stop needed before the stop fires (1 = the first one).</summary>
    public int StopConfirmations { get; init; } = 1;

    /// <summary>
    /// True: no exit rule closes a position (profit target, stop loss and days to expiry all hold); it is held until it
    /// expires and the expiration job settles it — an index put-write's "hold to expiration". Default false.
    /// </summary>
    public bool HoldToExpiration { get; init; }

    /// <summary>
    /// Trailing profit stop: once the best P&amp;L since entry (the stored <c>mfe</c>) reaches this fraction of max profit,
    /// the position exits when its P&amp;L falls back to <see cref="TrailingGiveBackFraction"/> below that best.
    /// 0 = off (default).
    /// </summary>
    public decimal TrailingActivationFraction { get; init; }

    /// <summary>Share of the best P&amp;L a trailing stop gives back before it fires (0.5: the best +60 exits at +30).</summary>
    public decimal TrailingGiveBackFraction { get; init; } = 0.50m;

    /// <summary>
    /// Time-decay target: the profit-target fraction at entry, moving linearly with calendar time to
    /// <see cref="ProfitTargetFraction"/> at expiration (below it: take a quick profit early). 0 = off (default).
    /// </summary>
    public decimal TimeDecayStartFraction { get; init; }

    /// <summary>
    /// Scaling out: once P&amp;L reaches this fraction of max profit (the first target), close
    /// <see cref="ScaleOutShare"/> of the open contracts, once per position; the rest runs under the other rules.
    /// 0 = off (default). At or above the profit target it never fires (the whole position exits first).
    /// </summary>
    public decimal ScaleOutAtFraction { get; init; }

    /// <summary>Share of the open contracts a scale-out closes, rounded down and at least 1 (a 1-contract position is not scaled out).</summary>
    public decimal ScaleOutShare { get; init; } = 0.50m;

    /// <summary>Every invalid setting, each message naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ProfitTargetFraction is <= 0m or > 1m)
        {
            errors.Add($"{SectionName}:{nameof(ProfitTargetFraction)} must be in (0, 1], was {ProfitTargetFraction}.");
        }

        if (CspStopLossMultiple <= 0m)
        {
            errors.Add($"{SectionName}:{nameof(CspStopLossMultiple)} must be above 0, was {CspStopLossMultiple}.");
        }

        if (VpcStopLossMultiple <= 0m)
        {
            errors.Add($"{SectionName}:{nameof(VpcStopLossMultiple)} must be above 0, was {VpcStopLossMultiple}.");
        }

        if (ExitAtDaysToExpiry < 0)
        {
            errors.Add($"{SectionName}:{nameof(ExitAtDaysToExpiry)} must not be negative, was {ExitAtDaysToExpiry}.");
        }

        if (ContractMultiplier <= 0)
        {
            errors.Add($"{SectionName}:{nameof(ContractMultiplier)} must be above 0, was {ContractMultiplier}.");
        }

        if (MaxMarkAgeMinutes <= 0)
        {
            errors.Add($"{SectionName}:{nameof(MaxMarkAgeMinutes)} must be above 0, was {MaxMarkAgeMinutes}.");
        }

        if (MaxSpreadPct is <= 0m or > 200m)
        {
            errors.Add($"{SectionName}:{nameof(MaxSpreadPct)} must be in (0, 200], was {MaxSpreadPct}.");
        }

        if (StopConfirmations < 1)
        {
            errors.Add($"{SectionName}:{nameof(StopConfirmations)} must be at least 1, was {StopConfirmations}.");
        }

        if (TrailingActivationFraction is < 0m or > 1m)
        {
            errors.Add($"{SectionName}:{nameof(TrailingActivationFraction)} must be in [0, 1] (0 = off), was {TrailingActivationFraction}.");
        }

        if (TrailingGiveBackFraction is <= 0m or > 1m)
        {
            errors.Add($"{SectionName}:{nameof(TrailingGiveBackFraction)} must be in (0, 1], was {TrailingGiveBackFraction}.");
        }

        if (TimeDecayStartFraction is < 0m or > 1m)
        {
            errors.Add($"{SectionName}:{nameof(TimeDecayStartFraction)} must be in [0, 1] (0 = off), was {TimeDecayStartFraction}.");
        }

        if (ScaleOutAtFraction is < 0m or >= 1m)
        {
            errors.Add($"{SectionName}:{nameof(ScaleOutAtFraction)} must be in [0, 1) (0 = off), was {ScaleOutAtFraction}.");
        }

        if (ScaleOutShare is <= 0m or >= 1m)
        {
            errors.Add($"{SectionName}:{nameof(ScaleOutShare)} must be in (0, 1), was {ScaleOutShare}.");
        }

        return errors;
    }
}
