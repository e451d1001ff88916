using System.Collections.Concurrent;
using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Integration.Tests.Support;

/// <summary>
/// Passes every call to a real broker and records each placement's client order id, so a test can count the orders
/// that reached the broker. <see cref="Crash"/> makes the process "die" at a step: the exception is an
/// <see cref="OperationCanceledException"/>, which the services let through without writing anything, as a killed
/// process would.
/// </summary>
public sealed class RecordingBroker(IBroker inner) : IBroker
{
    public ConcurrentQueue<string> Placed { get; } = new();

    /// <summary>Where to die: before the broker sees the order, or after it answered (the answer is lost).</summary>
    public CrashPoint Crash { get; set; }

    public async Task<OrderState> PlaceAsync(OrderTicket ticket, CancellationToken cancellationToken)
    {
        if (Crash == CrashPoint.BeforePlace)
        {
            throw new SimulatedCrashException("before the broker call");
        }

        Placed.Enqueue(ticket.ClientOrderId);
        var state = await inner.PlaceAsync(ticket, cancellationToken).ConfigureAwait(false);
        return Crash == CrashPoint.AfterPlace ? throw new SimulatedCrashException("after the broker answered") : state;
    }

    public Task<OrderState?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken) => inner.GetOrderAsync(clientOrderId, cancellationToken);

    public Task<OrderState?> CancelAsync(string clientOrderId, CancellationToken cancellationToken) => inner.CancelAsync(clientOrderId, cancellationToken);

    public Task<OrderState?> ReplaceAsync(string clientOrderId, decimal limitPrice, CancellationToken cancellationToken) => inner.ReplaceAsync(clientOrderId, limitPrice, cancellationToken);

    public Task<IReadOnlyList<LegFill>> GetFillsAsync(string clientOrderId, CancellationToken cancellationToken) => inner.GetFillsAsync(clientOrderId, cancellationToken);

    public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken) => inner.GetPositionsAsync(cancellationToken);

    public Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken) => inner.GetAccountAsync(cancellationToken);
}

public enum CrashPoint
{
    None,
    BeforePlace,
    AfterPlace,
}

/// <summary>The process died here: nothing after this step ran.</summary>
public sealed class SimulatedCrashException(string step) : OperationCanceledException($"simulated crash {step}");
