using System.Globalization;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// Places an order and sees it to a final state: polls the broker every
/// <see cref="ExecutionSettings.PollInterval"/> until it is final, and once
/// <see cref="ExecutionSettings.FillTimeout"/> has passed since it was placed, cancels what is still working.
/// The caller cancels rather than the broker expiring orders on its own, because a real broker's day order
/// would rest until the close; the timeout is ours. Every state seen that differs from the one before is
/// handed to <c>onProgress</c> (the final one is returned, not reported). A broker exception propagates: the
/// outcome is unknown and the caller resumes with the same client order id. Given a <see cref="PriceWalk"/>, the order
/// is placed at its start and re-priced step by step toward the natural price (<see cref="IBroker.ReplaceAsync"/>).
/// </summary>
public sealed class OrderExecutor(IBroker broker, ExecutionSettings settings, IPollDelay delay, TimeProvider clock, ITradingJournal journal)
{
    /// <summary>Follows the order at its ticket's limit, never re-pricing it (recovery, or a walk that could not be planned).</summary>
    public Task<OrderState> ExecuteAsync(
        OrderTicket ticket, Func<OrderState, CancellationToken, Task>? onProgress, CancellationToken cancellationToken) =>
        ExecuteAsync(ticket, null, "", onProgress, cancellationToken);

    /// <summary>
    /// Places <paramref name="ticket"/> (at <paramref name="walk"/>'s start when there is a walk) and, while it works, sends
    /// each further step of the walk when its time comes: first it asks the broker for the order's state, because a
    /// replace can race a fill — a final order is not re-priced, and a replace answered with a final state is that final
    /// state. Each accepted step is committed through the journal (<see cref="OrderRepriced"/>, by <paramref name="actor"/>) before anything
    /// else happens, so the stored limit is the broker's. Whatever still works at the fill timeout is cancelled.
    /// </summary>
    public async Task<OrderState> ExecuteAsync(
        OrderTicket ticket, PriceWalk? walk, string actor, Func<OrderState, CancellationToken, Task>? onProgress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var placedAt = clock.GetUtcNow();
        var deadline = placedAt + settings.FillTimeout;
        var limit = walk?.Start ?? ticket.LimitPrice;
        var state = await broker.PlaceAsync(ticket with { LimitPrice = limit }, cancellationToken).ConfigureAwait(false);
        OrderState? reported = null;
        var next = 1;
        while (!state.IsFinal)
        {
            if (onProgress is not null && !SameProgress(state, reported))
            {
                await onProgress(state, cancellationToken).ConfigureAwait(false);
                reported = state;
            }

            var now = clock.GetUtcNow();
            var left = deadline - now;
            if (left <= TimeSpan.Zero)
            {
                var cancelled = await CancelAsync(ticket.ClientOrderId, cancellationToken).ConfigureAwait(false);
                return cancelled.Status == OrderStatus.Cancelled
                    ? cancelled with { Reason = string.Create(CultureInfo.InvariantCulture, $"cancelled: not filled within {settings.FillTimeoutSeconds} s") }
                    : cancelled;
            }

            // A step that is due re-reads the order itself (StepAsync), so it takes the place of this turn's poll.
            var step = walk is not null && next < walk.Steps.Count ? walk.Steps[next] : null;
            var untilStep = step is null ? TimeSpan.MaxValue : placedAt + step.After - now;
            var wait = left < settings.PollInterval ? left : settings.PollInterval;
            if (untilStep > TimeSpan.Zero)
            {
                await delay.WaitAsync(untilStep < wait ? untilStep : wait, cancellationToken).ConfigureAwait(false);
            }

            if (step is not null && clock.GetUtcNow() >= placedAt + step.After && clock.GetUtcNow() < deadline)
            {
                next++;
                state = await StepAsync(ticket.ClientOrderId, step, limit, walk!.Cap, actor, cancellationToken).ConfigureAwait(false);
                limit = step.Limit;
                continue;
            }

            state = await broker.GetOrderAsync(ticket.ClientOrderId, cancellationToken).ConfigureAwait(false)
                ?? throw Unknown(ticket.ClientOrderId);
        }

        return state;
    }

    /// <summary>One step of a walk: re-read the order, and only if it still works, replace its limit and record that.</summary>
    private async Task<OrderState> StepAsync(string clientOrderId, PriceStep step, decimal? from, decimal cap, string actor, CancellationToken cancellationToken)
    {
        var current = await broker.GetOrderAsync(clientOrderId, cancellationToken).ConfigureAwait(false) ?? throw Unknown(clientOrderId);
        if (current.IsFinal)
        {
            return current;
        }

        var replaced = await broker.ReplaceAsync(clientOrderId, step.Limit, cancellationToken).ConfigureAwait(false) ?? throw Unknown(clientOrderId);
        // Answered final, the fill may have come at either price (the fills say which); the broker took the request either way.
        var now = clock.GetUtcNow();
        await using (var entry = await journal.BeginAsync(cancellationToken).ConfigureAwait(false))
        {
            await entry.CommitAsync([new OrderRepriced(new OrderReprice(clientOrderId, step.Number, from, step.Limit, cap, now, actor))], now, cancellationToken).ConfigureAwait(false);
        }

        return replaced;
    }

    /// <summary>
    /// Cancels and waits for a final answer: a real broker cancels asynchronously (pending cancel: still working, and
    /// still able to fill), so only a final state may be booked. Asks again every poll interval for up to
    /// <see cref="CancelConfirmPolls"/> polls; a cancel never confirmed is an unknown outcome for recovery.
    /// </summary>
    private async Task<OrderState> CancelAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        var state = await broker.CancelAsync(clientOrderId, cancellationToken).ConfigureAwait(false) ?? throw Unknown(clientOrderId);
        for (var poll = 0; !state.IsFinal; poll++)
        {
            if (poll == CancelConfirmPolls)
            {
                throw new InvalidOperationException($"the cancel of order {clientOrderId} was not confirmed (still {state.Status.ToCode()}); outcome unknown");
            }

            await delay.WaitAsync(settings.PollInterval, cancellationToken).ConfigureAwait(false);
            state = await broker.GetOrderAsync(clientOrderId, cancellationToken).ConfigureAwait(false) ?? throw Unknown(clientOrderId);
        }

        return state;
    }

    /// <summary>How many polls a cancel may take to be confirmed before the outcome counts as unknown.</summary>
    public const int CancelConfirmPolls = 10;

    /// <summary>What the broker says of an order now; null when it has never seen the client order id.</summary>
    public Task<OrderState?> LookUpAsync(string clientOrderId, CancellationToken cancellationToken) =>
        broker.GetOrderAsync(clientOrderId, cancellationToken);

    private static bool SameProgress(OrderState state, OrderState? reported) =>
        reported is not null && reported.Status == state.Status && reported.FilledQuantity == state.FilledQuantity;

    // The broker lost an order it accepted (a paper broker restarted): the outcome is unknown, never "not filled".
    private static InvalidOperationException Unknown(string clientOrderId) =>
        new($"the broker does not know order {clientOrderId}; outcome unknown");
}
