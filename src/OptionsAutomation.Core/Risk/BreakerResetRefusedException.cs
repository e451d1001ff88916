using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Risk;

/// <summary>A circuit-breaker reset that the rules refuse (not tripped, or still cooling down). Nothing changed.</summary>
public sealed class BreakerResetRefusedException(string message) : TradingRuleException(message);
