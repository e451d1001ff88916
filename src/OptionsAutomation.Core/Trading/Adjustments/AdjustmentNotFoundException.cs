using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>No recommendation has this id.</summary>
public sealed class AdjustmentNotFoundException(long id) : TradingRuleException($"adjustment {id} not found.");
