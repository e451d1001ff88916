namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>One sweep's result: the recommendations PENDING after it, and why any position could not be reviewed.</summary>
public sealed record AdjustmentReviewOutcome(IReadOnlyList<Adjustment> Pending, IReadOnlyList<string> Failed);
