using OptionsAutomation.Core.Orders;
using Polly;
using Polly.Retry;

namespace OptionsAutomation.Infrastructure.Brokers;

/// <summary>
/// Timeouts and retries around every broker call (Polly). Retrying is safe: placing carries the same client
/// order id, which the broker treats as an idempotency key, and the other calls only read or cancel. A
/// rejection is an answer and is not retried; only failures and timeouts are. When every attempt fails, the
/// last exception propagates and the caller treats the outcome as unknown.
/// </summary>
public sealed class ResilientBroker(IBroker inner, BrokerResilienceSettings settings) : IBroker
{
    private readonly ResiliencePipeline _pipeline = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            // A per-attempt timeout surfaces as TimeoutRejectedException and is retried; caller cancellation is not.
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            MaxRetryAttempts = settings.MaxRetries,
            Delay = TimeSpan.FromSeconds(settings.BaseDelaySeconds),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .AddTimeout(TimeSpan.FromSeconds(settings.AttemptTimeoutSeconds))
        .Build();

    public Task<OrderState> PlaceAsync(OrderTicket ticket, CancellationToken cancellationToken) =>
        RunAsync(token => inner.PlaceAsync(ticket, token), cancellationToken);

    public Task<OrderState?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken) =>
        RunAsync(token => inner.GetOrderAsync(clientOrderId, token), cancellationToken);

    public Task<OrderState?> CancelAsync(string clientOrderId, CancellationToken cancellationToken) =>
        RunAsync(token => inner.CancelAsync(clientOrderId, token), cancellationToken);

    public Task<OrderState?> ReplaceAsync(string clientOrderId, decimal limitPrice, CancellationToken cancellationToken) =>
        RunAsync(token => inner.ReplaceAsync(clientOrderId, limitPrice, token), cancellationToken);

    public Task<IReadOnlyList<LegFill>> GetFillsAsync(string clientOrderId, CancellationToken cancellationToken) =>
        RunAsync(token => inner.GetFillsAsync(clientOrderId, token), cancellationToken);

    public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken) =>
        RunAsync(inner.GetPositionsAsync, cancellationToken);

    public Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken) =>
        RunAsync(inner.GetAccountAsync, cancellationToken);

    private Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(async token => await call(token).ConfigureAwait(false), cancellationToken).AsTask();
}
