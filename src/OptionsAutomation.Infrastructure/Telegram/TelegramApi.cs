using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// One Bot API call: <c>POST {ApiBaseUrl}/bot{token}/{method}</c> with a JSON body, under a per-attempt timeout,
/// retried (Polly) on 429 after <c>retry_after</c>, on 5xx, network failures and timeouts with jittered
/// exponential backoff; any other error (400, 401, 403, 409…) is an answer and thrown at once. Retrying a
/// send whose answer was lost can post the message twice; delivery is at least once, as the outbox promises.
/// The URL carries the token, so nothing here logs a URL or an exception that might contain one.
/// </summary>
internal sealed class TelegramApi
{
    private readonly HttpClient _http;
    private readonly string _methodUrlPrefix;
    private readonly TimeSpan _requestTimeout;
    private readonly TimeSpan _maxRetryAfter;
    private readonly TelegramRateLimiter _limiter;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;

    public TelegramApi(HttpClient http, TelegramSettings settings, TimeProvider clock, ILogger logger)
    {
        if (!settings.Enabled)
        {
            throw new ArgumentException($"{TelegramSettings.SectionName}:{nameof(TelegramSettings.BotToken)} is not set.", nameof(settings));
        }

        _http = http;
        _methodUrlPrefix = $"{settings.ApiBaseUrl.TrimEnd('/')}/bot{settings.BotToken}/";
        _requestTimeout = TimeSpan.FromSeconds(settings.RequestTimeoutSeconds);
        _maxRetryAfter = TimeSpan.FromSeconds(settings.MaxRetryAfterSeconds);
        _limiter = new TelegramRateLimiter(clock);
        _logger = logger;
        // Retry delays run on the injected clock (tests move it instead of sleeping); attempt timeouts do not,
        // because they bound a real network wait.
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = settings.MaxRetries,
                Delay = TimeSpan.FromSeconds(settings.RetryBaseDelaySeconds),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                // Flood control says exactly how long to wait; anything else (null) takes the backoff.
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is TelegramApiException { ErrorCode: 429, RetryAfter: { } wait } ? wait : (TimeSpan?)null),
            })
            .Build();
    }

    /// <summary>
    /// Calls <paramref name="method"/>. <paramref name="sendingTo"/> is the chat of a sending method, which waits
    /// for the rate limiter on every attempt; <paramref name="longPoll"/> extends the attempt timeout for getUpdates.
    /// </summary>
    public Task<TResult> CallAsync<TBody, TResult>(
        string method, TBody body, long? sendingTo, TimeSpan longPoll, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(
            async token => await AttemptAsync<TBody, TResult>(method, body, sendingTo, _requestTimeout + longPoll, token).ConfigureAwait(false),
            cancellationToken).AsTask();

    private async Task<TResult> AttemptAsync<TBody, TResult>(
        string method, TBody body, long? sendingTo, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            if (sendingTo is { } chatId)
            {
                await _limiter.WaitAsync(chatId, cancellationToken).ConfigureAwait(false);
            }

            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(timeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_methodUrlPrefix + method))
                {
                    Content = JsonContent.Create(body, options: TelegramJson.Options),
                };
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
                return await TelegramJson.ReadResultAsync<TResult>(method, response, attempt.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Telegram {method} got no answer within {timeout.TotalSeconds} s.");
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && LogFailure(method, e))
        {
            throw; // unreachable: the filter logs and returns false
        }
    }

    private bool IsTransient(Exception exception) => exception switch
    {
        TelegramApiException { ErrorCode: 429, RetryAfter: var wait } => wait is null || wait <= _maxRetryAfter,
        TelegramApiException api => api.ErrorCode >= 500,
        TimeoutException or HttpRequestException => true,
        _ => false,
    };

    // Logs from an exception filter so the stack is not unwound. Only the type and message are logged: the
    // messages we build never hold the URL, and HttpClient's name at most the host and port.
    private bool LogFailure(string method, Exception exception)
    {
        if (IsTransient(exception))
        {
            _logger.LogWarning("Telegram {Method} failed, transient: {Error}: {Reason}", method, exception.GetType().Name, exception.Message);
        }
        else
        {
            _logger.LogError("Telegram {Method} failed, not retried: {Error}: {Reason}", method, exception.GetType().Name, exception.Message);
        }

        return false;
    }
}
