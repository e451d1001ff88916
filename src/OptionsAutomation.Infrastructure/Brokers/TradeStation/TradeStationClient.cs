using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

/// <summary>
/// Every call to the API: <c>{ApiBaseUrl}/{path}</c> with a bearer token, under the category's client-side budget
/// and a per-attempt timeout. A 401 refreshes the token and tries once more, then fails closed
/// (<see cref="TradeStationAuthException"/>). Errors (<c>{"Error","Message"}</c>) throw <see cref="TradeStationApiException"/>.
/// Idempotent calls (reads, cancel, replace: repeating one after it applied changes nothing) are retried on 429, 5xx,
/// timeouts and network failures; a call that may not be repeated (placing an order) only on 429, which the server
/// answers before acting. A 429 waits for <c>Retry-After</c> when given and is logged once per run of them.
/// Nothing here logs a URL with a query, a header or a body.
/// </summary>
public sealed class TradeStationClient
{
    private readonly HttpClient _http;
    private readonly TradeStationSettings _settings;
    private readonly TradeStationTokens _tokens;
    private readonly RateBudgets _budgets;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly string _baseUrl;
    private readonly ResiliencePipeline _idempotent;
    private readonly ResiliencePipeline _once;
    private int _throttled;

    public TradeStationClient(
        HttpClient http, TradeStationSettings settings, TradeStationTokens tokens, RateBudgets budgets, TimeProvider clock, ILogger<TradeStationClient> logger)
    {
        _http = http;
        _settings = settings;
        _tokens = tokens;
        _budgets = budgets;
        _clock = clock;
        _logger = logger;
        _baseUrl = settings.ResolvedApiBaseUrl.AbsoluteUri.TrimEnd('/');
        _idempotent = Pipeline(e => e is TimeoutException or HttpRequestException || IsWaitableThrottle(e) || e is TradeStationApiException { IsTransient: true });
        _once = Pipeline(IsWaitableThrottle);
    }

    /// <summary>GET <paramref name="path"/> (relative to the API base, e.g. <c>brokerage/accounts</c>), retried.</summary>
    public Task<T> GetAsync<T>(string path, RateCategory category, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Get, path, null, category, idempotent: true, cancellationToken);

    /// <summary>
    /// Sends <paramref name="body"/> (PascalCase JSON) and reads the answer as <typeparamref name="T"/>.
    /// <paramref name="idempotent"/> false: never repeated after the server may have acted on it.
    /// </summary>
    public Task<T> SendAsync<T>(HttpMethod method, string path, object? body, RateCategory category, bool idempotent, CancellationToken cancellationToken) =>
        (idempotent ? _idempotent : _once).ExecuteAsync(
            async token =>
            {
                using var response = await AttemptAsync(method, path, body, category, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
                return await ReadAsync<T>(response, token).ConfigureAwait(false);
            },
            cancellationToken).AsTask();

    /// <summary>
    /// Opens a stream (chunked JSON, read with <see cref="TradeStationStreamReader"/>): the answer once its headers are
    /// in, errors thrown as for any call. Not retried: the caller reconnects as the stream's protocol says.
    /// </summary>
    public async Task<HttpResponseMessage> OpenStreamAsync(string path, RateCategory category, CancellationToken cancellationToken) =>
        await AttemptAsync(HttpMethod.Get, path, null, category, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);

    private ResiliencePipeline Pipeline(Func<Exception, bool> transient) =>
        new ResiliencePipelineBuilder { TimeProvider = _clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle(transient),
                MaxRetryAttempts = _settings.MaxRetries,
                Delay = TimeSpan.FromSeconds(0.5),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is TradeStationApiException { Status: HttpStatusCode.TooManyRequests, RetryAfter: { } wait } ? wait : (TimeSpan?)null),
            })
            .Build();

    private bool IsWaitableThrottle(Exception exception) =>
        exception is TradeStationApiException { Status: HttpStatusCode.TooManyRequests } throttle
        && (throttle.RetryAfter is null || throttle.RetryAfter <= TimeSpan.FromSeconds(_settings.MaxRetryAfterSeconds));

    private async Task<HttpResponseMessage> AttemptAsync(
        HttpMethod method, string path, object? body, RateCategory category, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        await _budgets.WaitAsync(category, cancellationToken).ConfigureAwait(false);
        var token = await _tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        var response = await SendOnceAsync(method, path, body, token, completion, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Dispose();
            token = await _tokens.RefreshAfterRejectionAsync(token, cancellationToken).ConfigureAwait(false);
            response = await SendOnceAsync(method, path, body, token, completion, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                response.Dispose();
                throw new TradeStationAuthException(
                    $"TradeStation answered 401 to {method} {PathOnly(path)} with a fresh access token; check the API key's scopes and run 'optauto broker login'.");
            }
        }

        if (response.IsSuccessStatusCode)
        {
            Interlocked.Exchange(ref _throttled, 0);
            return response;
        }

        using (response)
        {
            throw await ErrorAsync(method, path, response, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(
        HttpMethod method, string path, object? body, string accessToken, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(_settings.RequestTimeoutSeconds));
        try
        {
            using var request = new HttpRequestMessage(method, new Uri($"{_baseUrl}/{path.TrimStart('/')}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body, body.GetType(), options: TradeStationJson.Options);
            }

            var response = await _http.SendAsync(request, completion, attempt.Token).ConfigureAwait(false);
            if (completion == HttpCompletionOption.ResponseContentRead || !response.IsSuccessStatusCode)
            {
                await response.Content.LoadIntoBufferAsync(attempt.Token).ConfigureAwait(false);
            }

            return response;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"TradeStation {method} {PathOnly(path)} got no answer within {_settings.RequestTimeoutSeconds} s.");
        }
    }

    private async Task<TradeStationApiException> ErrorAsync(HttpMethod method, string path, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ApiError? error = null;
        try
        {
            error = await response.Content.ReadFromJsonAsync<ApiError>(TradeStationJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            // A proxy's HTML page or an empty body: the status says enough.
        }

        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - _clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => (TimeSpan?)null,
        };
        if (response.StatusCode == HttpStatusCode.TooManyRequests && Interlocked.Exchange(ref _throttled, 1) == 0)
        {
            _logger.LogWarning(
                "TradeStation rate limit hit on {Method} {Path}: backing off {Wait} (logged once until a call succeeds)",
                method, PathOnly(path), retryAfter is { } w ? $"{w.TotalSeconds:0.#} s as asked" : "with exponential backoff");
        }
        else if (response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            _logger.LogWarning("TradeStation {Method} {Path} answered {Status}: {Error}", method, PathOnly(path), (int)response.StatusCode, error?.Message);
        }

        return new TradeStationApiException(response.StatusCode, error?.Error ?? response.StatusCode.ToString(), error?.Message ?? "(no message)", retryAfter);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<T>(TradeStationJson.Options, cancellationToken).ConfigureAwait(false)
        ?? throw new TradeStationApiException(response.StatusCode, "EmptyBody", "the answer had no JSON body");

    // Queries can carry symbols and account ids, never tokens; still, logs name the path alone.
    private static string PathOnly(string path) => path.Split('?')[0];

    private sealed record ApiError(string? Error, string? Message);
}
