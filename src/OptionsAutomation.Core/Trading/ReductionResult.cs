using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Risk;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// What an emergency reduction did: the trading state after it (<see cref="StateChanged"/> when this run tightened it)
/// and, in position id order, each matching position's outcome.
/// </summary>
public sealed record ReductionResult(string? Ticker, StrategyType? StrategyType, TradingState TradingState, bool StateChanged, IReadOnlyList<PositionReduction> Positions)
{
    /// <summary>
    /// Some position stays OPEN without a closing order at work (market closed, or failed): someone has to act.
    /// A position another caller is closing is that caller's to report.
    /// </summary>
    public bool LeftOpen => Positions.Any(p => p.Outcome is ReductionOutcome.MarketClosed or ReductionOutcome.Failed);
}
