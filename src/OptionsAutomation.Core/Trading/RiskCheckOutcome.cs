using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;

namespace OptionsAutomation.Core.Trading;

/// <summary>What one risk check found: the report it stored, the limits that crossed, and the trading state it set (null: unchanged).</summary>
public sealed record RiskCheckOutcome(PortfolioRiskReport Report, IReadOnlyList<LimitCrossing> Crossings, TradingState? StateSetTo);
