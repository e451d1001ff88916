namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>
/// What <see cref="AdjustmentAdvisor"/> recommends for one position: the kind, the score and urgency, how many contracts a
/// close or reduction takes (a roll takes them all), why, the numbers, and for a roll its target.
/// </summary>
public sealed record AdjustmentAdvice(
    long PositionId,
    AdjustmentKind Kind,
    int RiskScore,
    AdjustmentUrgency Urgency,
    int Contracts,
    string Summary,
    AdjustmentNumbers Numbers,
    RollTarget? Roll);
