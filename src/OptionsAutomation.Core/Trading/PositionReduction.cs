using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// One position's outcome in an emergency reduction. <see cref="RealizedPnl"/> is what this close booked (also for a
/// partial fill, reported <see cref="ReductionOutcome.Failed"/> because the rest stays OPEN); null when nothing filled.
/// </summary>
public sealed record PositionReduction(long PositionId, string Ticker, StrategyType StrategyType, ReductionOutcome Outcome, string Detail, decimal? RealizedPnl);
