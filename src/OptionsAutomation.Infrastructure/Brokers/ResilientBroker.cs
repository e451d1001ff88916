using OptionsAutomation.Core.Orders;
using Polly;
using Polly.Retry;

namespace OptionsAutomation.Infrastructure.Brokers;

/// <summary>
/// Timeouts and retries around a broker (Polly). Retrying is safe because every attempt carries the same
/// client order id, which the broker treats as an idempotency key. A rejection is an answer and is not
/// retried; only failures and timeouts are. When every attempt fails, the last exception propagates and
/// the caller keeps the order PENDING.
/// </summary>
public sealed class ResilientBroker(IBroker inner, BrokerResilienceSettings settings) : IBroker
{
    private readonly ResiliencePipeline<OrderOutcome> _pipeline = new ResiliencePipelineBuilder<OrderOutcome>()
        .AddRetry(new RetryStrategyOptions<OrderOutcome>
        {
            // A per-attempt timeout surfaces as TimeoutRejectedException and is retried; caller cancellation is not.
            ShouldHandle = new PredicateBuilder<OrderOutcome>().Handle<Exception>(e => e is not OperationCanceledException),
            MaxRetryAttempts = settings.MaxRetries,
            Delay = TimeSpan.FromSeconds(settings.BaseDelaySeconds),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .AddTimeout(TimeSpan.FromSeconds(settings.AttemptTimeoutSeconds))
        .Build();

    public Task<OrderOutcome> SubmitAsync(OrderTicket ticket, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(async token => await inner.SubmitAsync(ticket, token).ConfigureAwait(false), cancellationToken).AsTask();
}
