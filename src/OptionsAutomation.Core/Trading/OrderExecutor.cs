using System.Globalization;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// Places an order and sees it to a final state: polls the broker every
/// <see cref="ExecutionSettings.PollInterval"/> until it is final, and once
/// <see cref="ExecutionSettings.FillTimeout"/> has passed since it was placed, cancels what is still working.
/// The caller cancels rather than the broker expiring orders on its own, because a real broker's day order
/// would rest until the close; the timeout is ours. Every state seen that differs from the one before is
/// handed to <c>onProgress</c> (the final one is returned, not reported). A broker exception propagates: the
/// outcome is unknown and the caller resumes with the same client order id.
/// </summary>
public sealed class OrderExecutor(IBroker broker, ExecutionSettings settings, IPollDelay delay, TimeProvider clock)
{
    public async Task<OrderState> ExecuteAsync(
        OrderTicket ticket, Func<OrderState, CancellationToken, Task>? onProgress, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + settings.FillTimeout;
        var state = await broker.PlaceAsync(ticket, cancellationToken).ConfigureAwait(false);
        OrderState? reported = null;
        while (!state.IsFinal)
        {
            if (onProgress is not null && !SameProgress(state, reported))
            {
                await onProgress(state, cancellationToken).ConfigureAwait(false);
                reported = state;
            }

            var left = deadline - clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                var cancelled = await CancelAsync(ticket.ClientOrderId, cancellationToken).ConfigureAwait(false);
                return cancelled.Status == OrderStatus.Cancelled
                    ? cancelled with { Reason = string.Create(CultureInfo.InvariantCulture, $"cancelled: not filled within {settings.FillTimeoutSeconds} s") }
                    : cancelled;
            }

            await delay.WaitAsync(left < settings.PollInterval ? left : settings.PollInterval, cancellationToken).ConfigureAwait(false);
            state = await broker.GetOrderAsync(ticket.ClientOrderId, cancellationToken).ConfigureAwait(false)
                ?? throw Unknown(ticket.ClientOrderId);
        }

        return state;
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
