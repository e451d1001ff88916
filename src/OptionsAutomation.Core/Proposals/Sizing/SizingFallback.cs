namespace OptionsAutomation.Core.Proposals.Sizing;

/// <summary>The strategy that was asked for could not judge this trade, so <c>fixed</c> sized it instead; the reason says why.</summary>
public sealed record SizingFallback(string From, string Reason);
