namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>The numbers behind a recommendation, as it was evaluated (stored as jsonb, shown on the card and in the CLI).</summary>
/// <param name="Roll">The best roll found, credit or not; null when no later expiration or strike was quoted.</param>
public sealed record AdjustmentNumbers(
    RiskInputs Inputs,
    RiskScore Score,
    decimal MarkPrice,
    int OpenContracts,
    RollCandidate? Roll);
