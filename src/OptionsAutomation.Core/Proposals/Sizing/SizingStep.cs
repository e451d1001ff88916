namespace OptionsAutomation.Core.Proposals.Sizing;

/// <summary>One named number of a sizing: an input it read or a step it computed (dollars, fractions or counts).</summary>
public sealed record SizingStep(string Name, decimal Value);
