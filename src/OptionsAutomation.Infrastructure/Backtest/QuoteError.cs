namespace OptionsAutomation.Infrastructure.Backtest;

/// <summary>One real quote's distance from the model: in dollars per share and as a share of the real mid.</summary>
public sealed record QuoteError(double AbsDelta, int Days, double AbsError, double RelativeError);
