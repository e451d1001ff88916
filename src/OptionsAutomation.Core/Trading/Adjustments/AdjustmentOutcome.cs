namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>What an approval, rejection or ignore answered: the recommendation as it stands and a sentence for people.</summary>
public sealed record AdjustmentOutcome(Adjustment Adjustment, string Message);
