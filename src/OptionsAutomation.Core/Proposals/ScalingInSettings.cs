namespace OptionsAutomation.Core.Proposals;

/// <summary>
/// Appsettings section <c>Scaling:In</c>: when the screener proposes adding contracts of the same legs to an open
/// position that is going its way. Off by default (both triggers 0); either trigger that is on suffices.
/// </summary>
public sealed record ScalingInSettings
{
    public const string SectionName = "Scaling:In";

    /// <summary>Add once the position's P&amp;L at its last fresh mark reaches this fraction of its max profit. 0 = off.</summary>
    public decimal AtProfitFraction { get; init; }

    /// <summary>Add once the underlying is up this many percent since the position opened (a short put's favourable move). 0 = off.</summary>
    public decimal AtUnderlyingRisePct { get; init; }

    /// <summary>No add with fewer days to expiry than this: an add needs time for its own credit to decay.</summary>
    public int MinDaysToExpiry { get; init; } = 30;

    /// <summary>At most this many adds (lots) per position, over its life.</summary>
    public int MaxAdds { get; init; } = 1;

    public bool IsOn => AtProfitFraction > 0m || AtUnderlyingRisePct > 0m;

    /// <summary>Every invalid setting, each message naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (AtProfitFraction is < 0m or >= 1m)
        {
            errors.Add($"{SectionName}:{nameof(AtProfitFraction)} must be in [0, 1) (0 = off), was {AtProfitFraction}.");
        }

        if (AtUnderlyingRisePct is < 0m or > 100m)
        {
            errors.Add($"{SectionName}:{nameof(AtUnderlyingRisePct)} must be in [0, 100] (0 = off), was {AtUnderlyingRisePct}.");
        }

        if (MinDaysToExpiry < 0)
        {
            errors.Add($"{SectionName}:{nameof(MinDaysToExpiry)} must not be negative, was {MinDaysToExpiry}.");
        }

        if (MaxAdds < 1)
        {
            errors.Add($"{SectionName}:{nameof(MaxAdds)} must be at least 1, was {MaxAdds}.");
        }

        return errors;
    }
}
