using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>
/// A stored recommendation (<c>adjustments</c>): for which position, what, how risky and urgent, the numbers behind it,
/// for a roll its target, and who decided it when with what outcome. <see cref="Contracts"/> is what a close or reduce
/// takes (a roll takes every open contract).
/// </summary>
public sealed record Adjustment
{
    /// <summary>0 until stored.</summary>
    public long Id { get; init; }
    public required long PositionId { get; init; }
    public required string Ticker { get; init; }
    public required StrategyType StrategyType { get; init; }
    public required AdjustmentKind Kind { get; init; }
    public required AdjustmentStatus Status { get; init; }
    public required int RiskScore { get; init; }
    public required AdjustmentUrgency Urgency { get; init; }
    public required int Contracts { get; init; }
    public required string Summary { get; init; }
    public required AdjustmentNumbers Numbers { get; init; }
    public RollTarget? Roll { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? DecidedBy { get; init; }
    public string? Outcome { get; init; }

    /// <summary>The client order id of this recommendation's roll: a repeat of the approval never sends a second order.</summary>
    public string RollOrderId() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"roll-{Id}");

    /// <summary>A new PENDING recommendation from <paramref name="advice"/> for <paramref name="position"/>.</summary>
    public static Adjustment From(AdjustmentAdvice advice, Positions.Position position, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(advice);
        ArgumentNullException.ThrowIfNull(position);
        return new Adjustment
        {
            PositionId = position.PositionId,
            Ticker = position.Ticker,
            StrategyType = position.StrategyType,
            Kind = advice.Kind,
            Status = AdjustmentStatus.Pending,
            RiskScore = advice.RiskScore,
            Urgency = advice.Urgency,
            Contracts = advice.Contracts,
            Summary = advice.Summary,
            Numbers = advice.Numbers,
            Roll = advice.Roll,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}
