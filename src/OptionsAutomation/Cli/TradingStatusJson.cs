using OptionsAutomation.Core.Risk;

namespace OptionsAutomation.Cli;

/// <summary>
/// The JSON of the trading switches (<c>trading status --json</c>, <c>GET /api/trading-state</c>): one flat object, so
/// the state and the breaker read as columns.
/// </summary>
internal sealed record TradingStatusJson(
    TradingState TradingState,
    string? StateReason,
    DateTimeOffset? StateChangedAt,
    string? StateChangedBy,
    bool BreakerTripped,
    BreakerTripReason? BreakerTripReason,
    DateTimeOffset? BreakerTrippedAt,
    int ConsecutiveLosses,
    int ConsecutiveErrors)
{
    public static TradingStatusJson Of(TradingControls controls)
    {
        var breaker = controls.Breaker;
        return new TradingStatusJson(
            controls.State, controls.Reason, controls.ChangedAt, controls.ChangedBy,
            breaker.IsTripped, breaker.TripReason, breaker.TrippedAt, breaker.ConsecutiveLosses, breaker.ConsecutiveErrors);
    }
}
