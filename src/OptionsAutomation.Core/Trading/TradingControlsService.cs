using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// Changes of the trading state and breaker resets: each decided on the controls as locked in one journal entry
/// (<see cref="ControlsBooking"/>) and committed there with its audit event and alert.
/// </summary>
public sealed class TradingControlsService(ITradingControlsReader reader, ITradingJournal journal, RiskSettings settings) : ITradingControls
{
    public Task<TradingControls> GetAsync(CancellationToken cancellationToken) => reader.GetAsync(cancellationToken);

    public async Task<TradingControls> SetStateAsync(TradingState state, string? reason, string by, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await ChangeStateAsync(before => ControlsBooking.StateChanged(before, state, reason, by, now), state, reason, by, now, cancellationToken).ConfigureAwait(false))!;

    public Task<TradingControls?> TightenStateAsync(TradingState state, string reason, string by, DateTimeOffset now, CancellationToken cancellationToken) =>
        ChangeStateAsync(before => ControlsBooking.Tightened(before, state, reason, by, now), state, reason, by, now, cancellationToken);

    public async Task<TradingControls> ResetBreakerAsync(string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false);
        var before = await entry.LockControlsAsync(cancellationToken).ConfigureAwait(false);
        var (reset, events) = ControlsBooking.ResetBreaker(before.Breaker, by, now, settings);
        await entry.CommitAsync(events, now, cancellationToken).ConfigureAwait(false);
        return before with { Breaker = reset };
    }

    /// <returns>The new controls, or null when <paramref name="decide"/> found nothing to change (nothing written).</returns>
    private async Task<TradingControls?> ChangeStateAsync(
        Func<TradingState, IReadOnlyList<TradingEvent>?> decide, TradingState state, string? reason, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false);
        var before = await entry.LockControlsAsync(cancellationToken).ConfigureAwait(false);
        if (decide(before.State) is not { } events)
        {
            return null;
        }

        await entry.CommitAsync(events, now, cancellationToken).ConfigureAwait(false);
        return before with { State = state, Reason = reason, ChangedAt = now, ChangedBy = by };
    }
}
