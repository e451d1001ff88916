using OptionsAutomation.Core;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Infrastructure.Risk;

/// <summary>The single <c>trading_controls</c> row as Npgsql reads it.</summary>
internal sealed class TradingControlsRow
{
    public const string Columns =
        "trading_state, state_reason, state_changed_at, state_changed_by, consecutive_losses, consecutive_errors, " +
        "breaker_tripped_at, breaker_trip_reason, breaker_reset_by, breaker_reset_at";

    public string TradingState { get; set; } = "ACTIVE";
    public string? StateReason { get; set; }
    public DateTime? StateChangedAt { get; set; }
    public string? StateChangedBy { get; set; }
    public int ConsecutiveLosses { get; set; }
    public int ConsecutiveErrors { get; set; }
    public DateTime? BreakerTrippedAt { get; set; }
    public string? BreakerTripReason { get; set; }
    public string? BreakerResetBy { get; set; }
    public DateTime? BreakerResetAt { get; set; }

    public TradingControls ToDomain() => new(
        DomainCodes.Parse<TradingState>(TradingState),
        StateReason,
        RowTime.Utc(StateChangedAt),
        StateChangedBy,
        new CircuitBreaker
        {
            ConsecutiveLosses = ConsecutiveLosses,
            ConsecutiveErrors = ConsecutiveErrors,
            TrippedAt = RowTime.Utc(BreakerTrippedAt),
            TripReason = BreakerTripReason is null ? null : DomainCodes.Parse<BreakerTripReason>(BreakerTripReason),
            ResetBy = BreakerResetBy,
            ResetAt = RowTime.Utc(BreakerResetAt),
        });
}
