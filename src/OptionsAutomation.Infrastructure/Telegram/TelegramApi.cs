using System.Net;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Telegram.Bot.Exceptions;
using BotClient = Telegram.Bot.TelegramBotClient;
using BotClientOptions = Telegram.Bot.TelegramBotClientOptions;

namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// One Bot API call through the Telegram.Bot library (which posts <c>{ApiBaseUrl}/bot{token}/{method}</c> with a
/// JSON body), under a per-attempt timeout, retried (Polly) on 429 after <c>retry_after</c>, on 5xx, network
/// failures and timeouts with jittered exponential backoff; any other error (400, 401, 403, 409…) is an answer and
/// thrown at once as a <see cref="TelegramApiException"/>. The library's own 429 retry is off: it would sleep on
/// the wall clock and bypass our limits. Retrying a send whose answer was lost can post the message twice;
/// delivery is at least once, as the outbox promises. The library's URLs carry the token, so nothing here logs a
/// URL, a library exception or its inner exceptions' stacks: only messages we build or HttpClient's (host and port at most).
/// </summary>
internal sealed class TelegramApi
{
    private readonly BotClient _client;
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

        _client = new BotClient(Options(settings), http);
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
    /// Calls <paramref name="method"/> (its Bot API name, for errors and logs) as <paramref name="call"/> does it.
    /// <paramref name="sendingTo"/> is the chat of a sending method, which waits for the rate limiter on every
    /// attempt; <paramref name="longPoll"/> extends the attempt timeout for getUpdates.
    /// </summary>
    public Task<TResult> CallAsync<TResult>(
        string method, Func<BotClient, CancellationToken, Task<TResult>> call, long? sendingTo, TimeSpan longPoll, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(
            async token => await AttemptAsync(method, call, sendingTo, _requestTimeout + longPoll, token).ConfigureAwait(false),
            cancellationToken).AsTask();

    /// <summary>Calls a method that answers only "true" (the library throws on anything else) and sends nothing to a chat.</summary>
    public Task CallAsync(string method, Func<BotClient, CancellationToken, Task> call, CancellationToken cancellationToken) =>
        CallAsync(
            method,
            async (bot, token) =>
            {
                await call(bot, token).ConfigureAwait(false);
                return true;
            },
            null,
            TimeSpan.Zero,
            cancellationToken);

    // The library checks the token's shape (digits, a colon, the secret); its exception is not passed on in case it quotes the token.
    private static BotClientOptions Options(TelegramSettings settings)
    {
        try
        {
            return new BotClientOptions(settings.BotToken!, settings.ApiBaseUrl) { RetryCount = 0 };
        }
        catch (ArgumentException)
        {
            throw new ArgumentException($"{TelegramSettings.SectionName}:{nameof(TelegramSettings.BotToken)} is not a bot token (the bot's id, a colon, then the secret).", nameof(settings));
        }
    }

    private async Task<TResult> AttemptAsync<TResult>(
        string method, Func<BotClient, CancellationToken, Task<TResult>> call, long? sendingTo, TimeSpan timeout, CancellationToken cancellationToken)
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
                return await call(_client, attempt.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Telegram {method} got no answer within {timeout.TotalSeconds} s.");
            }
            catch (RequestException e)
            {
                throw Translate(method, e);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && LogFailure(method, e))
        {
            throw; // unreachable: the filter logs and returns false
        }
    }

    /// <summary>
    /// The library's errors as ours: a Bot API refusal keeps its code, description and retry_after; an answer outside
    /// the protocol (a proxy's HTML page) keeps its HTTP status, so 5xx stays retryable; a network failure is the
    /// <see cref="HttpRequestException"/> underneath.
    /// </summary>
    private static Exception Translate(string method, RequestException e)
    {
        switch (e)
        {
            case ApiRequestException api:
                var retryAfter = api.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
                return new TelegramApiException(method, api.ErrorCode, api.Message, retryAfter);
            case { HttpStatusCode: { } status }:
                return new TelegramApiException(method, (int)status, $"HTTP {(int)status} without a Bot API reply", null);
            case { InnerException: HttpRequestException network }:
                ExceptionDispatchInfo.Throw(network);
                return network; // unreachable: Throw does not return
            default:
                return new HttpRequestException($"Telegram {method} failed: {e.Message}", null, HttpStatusCode.BadGateway);
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
