using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Risk;

namespace OptionsAutomation.Core.Trading.Journal;

/// <summary>
/// What a <see cref="CloseCounted"/> or <see cref="BreakerFed"/> does to the breaker as stored. The counts are known only
/// under the controls' row lock, inside the journal's transaction, so the journal asks this there: the next breaker,
/// and — when this very event trips it — the trip and its alert, which the journal writes next.
/// </summary>
public static class BreakerBooking
{
    public static (CircuitBreaker After, IReadOnlyList<TradingEvent> Events) Counted(CircuitBreaker before, TradeOutcome outcome, DateTimeOffset at, RiskSettings settings) =>
        Follow(before, before.RecordClose(outcome, at, settings), at);

    public static (CircuitBreaker After, IReadOnlyList<TradingEvent> Events) Fed(CircuitBreaker before, BreakerFeed feed, DateTimeOffset at, RiskSettings settings) =>
        Follow(before, feed switch
        {
            BreakerFeed.Success => before.RecordExecutionSuccess(),
            BreakerFeed.Error => before.RecordExecutionError(at, settings),
            _ => before,
        }, at);

    private static (CircuitBreaker After, IReadOnlyList<TradingEvent> Events) Follow(CircuitBreaker before, CircuitBreaker after, DateTimeOffset at) =>
        (after, !before.IsTripped && after.IsTripped ? [new BreakerTripped(after, at), new AlertRaised(Alert.BreakerTripped(after, at))] : []);
}
