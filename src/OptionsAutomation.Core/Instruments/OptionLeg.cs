namespace OptionsAutomation.Core.Instruments;

/// <summary>One leg of a strategy; <see cref="Ratio"/> contracts per unit of the strategy.</summary>
public sealed record OptionLeg(OptionContract Contract, LegSide Side, int Ratio = 1);
