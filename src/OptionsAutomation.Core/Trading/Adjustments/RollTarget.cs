namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>Where an approved roll goes: the new expiration and strikes, and the least net credit per share its order may take.</summary>
public sealed record RollTarget(DateOnly Expiration, decimal ShortStrike, decimal? LongStrike, decimal MinimumNetCredit);
