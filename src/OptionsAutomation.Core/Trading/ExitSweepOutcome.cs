using OptionsAutomation.Core.Trading.Adjustments;

namespace OptionsAutomation.Core.Trading;

/// <summary>What one worker did in a sweep: its positions' exit checks and its adjustment review.</summary>
public sealed record ExitSweepOutcome(IReadOnlyList<ExitCheck> Checks, AdjustmentReviewOutcome Adjustments);
