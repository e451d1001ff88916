using OptionsAutomation.Core.Backtest;

namespace OptionsAutomation.Infrastructure.Backtest;

/// <summary>The fitted parameters and the model's mid errors by |delta| bucket, by days-to-expiry bucket and overall.</summary>
public sealed record ChainModelFitResult(ChainModelParameters Parameters, IReadOnlyList<FitError> ByDelta, IReadOnlyList<FitError> ByDays, FitError All, int SkippedQuotes);
