using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;

namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

/// <summary>
/// Access tokens for the API. A token is reused until <see cref="RefreshMargin"/> before it expires, then refreshed
/// once for every caller waiting (single-flight); a 401 refreshes once more (<see cref="RefreshAfterRejectionAsync"/>).
/// A refused refresh token, or none at all, throws <see cref="TradeStationAuthException"/>: trading fails closed until
/// <c>optauto broker login</c>. A rotated refresh token is stored before the new access token is used, so a crash
/// right after a refresh never leaves only the invalidated one on disk; a refresh holds <see cref="TokenFileLock"/> so
/// that processes sharing the token file refresh one after the other. Nothing here logs a token.
/// </summary>
public sealed class TradeStationTokens(
    HttpClient http, TradeStationSettings settings, RefreshTokenStore store, TimeProvider clock, ILogger<TradeStationTokens> logger)
{
    /// <summary>Scopes asked at sign-in: orders (Trade), option endpoints (OptionSpreads), refresh tokens (offline_access).</summary>
    public const string Scopes = "openid offline_access MarketData ReadAccount Trade OptionSpreads";

    /// <summary>The access token lives 20 minutes; refreshing this early keeps a slow call from carrying an expired one.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private string? _accessToken;
    private DateTimeOffset _expiresAt;

    /// <summary>Whether a refresh token is at hand and the last access token's expiry, for <c>broker status</c>.</summary>
    public TokenState State => new(store.Source, _accessToken is null ? null : _expiresAt);

    /// <summary>The URL the user opens to sign in and allow this app; <paramref name="state"/> guards the redirect.</summary>
    public Uri AuthorizationUrl(string state) => new(
        $"{settings.ResolvedTokenUrl.AbsoluteUri.TrimEnd('/')}/authorize?response_type=code" +
        $"&client_id={Uri.EscapeDataString(settings.ClientId ?? "")}" +
        $"&audience={Uri.EscapeDataString("https://api.tradestation.com")}" +
        $"&redirect_uri={Uri.EscapeDataString(settings.RedirectUri)}" +
        $"&scope={Uri.EscapeDataString(Scopes)}&state={Uri.EscapeDataString(state)}");

    /// <summary>A valid access token, refreshed first when it is missing or about to expire.</summary>
    public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        if (Current() is { } token)
        {
            return token;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Current() ?? await RefreshLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>
    /// After the API answered 401 to <paramref name="rejected"/>: a new token, unless another caller already refreshed
    /// since, in which case that one is returned.
    /// </summary>
    public async Task<string> RefreshAfterRejectionAsync(string rejected, CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _accessToken is { } current && current != rejected && Current() is not null
                ? current
                : await RefreshLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Exchanges the code from the sign-in redirect and stores the refresh token it brings.</summary>
    public async Task ExchangeCodeAsync(string code, CancellationToken cancellationToken)
    {
        var answer = await PostAsync(
            [
                new("grant_type", "authorization_code"),
                new("client_id", settings.ClientId ?? ""),
                new("client_secret", settings.ClientSecret ?? ""),
                new("code", code),
                new("redirect_uri", settings.RedirectUri),
            ],
            "code exchange",
            cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(answer.RefreshToken))
        {
            throw new TradeStationAuthException("TradeStation sent no refresh token: the API key must allow the offline_access scope.");
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            store.Save(answer.RefreshToken);
            Accept(answer);
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>The longest one refresh can take (every attempt timing out, with the back-offs between): how long to wait for another process's.</summary>
    private TimeSpan RefreshDuration =>
        TimeSpan.FromSeconds((settings.RequestTimeoutSeconds * (settings.MaxRetries + 1)) + (1 << settings.MaxRetries));

    private string? Current() =>
        _accessToken is { } token && clock.GetUtcNow() < _expiresAt - RefreshMargin ? token : null;

    private async Task<string> RefreshLockedAsync(CancellationToken cancellationToken)
    {
        // Other processes share the stored token: with rotating keys, read-refresh-store is one step across them too.
        using var shared = await TokenFileLock.AcquireAsync(settings.TokenFile, RefreshDuration, clock, cancellationToken).ConfigureAwait(false);
        var refreshToken = store.Load()
            ?? throw new TradeStationAuthException(
                $"no TradeStation refresh token: run 'optauto broker login' or set {RefreshTokenStore.EnvironmentVariable}.");
        var answer = await PostAsync(
            [
                new("grant_type", "refresh_token"),
                new("client_id", settings.ClientId ?? ""),
                new("client_secret", settings.ClientSecret ?? ""),
                new("refresh_token", refreshToken),
            ],
            "token refresh",
            cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(answer.RefreshToken) && answer.RefreshToken != refreshToken)
        {
            // Rotating keys invalidate the old refresh token with this answer: store the new one before anything else.
            store.Save(answer.RefreshToken);
            logger.LogInformation("TradeStation rotated the refresh token; the new one is stored encrypted");
        }

        return Accept(answer);
    }

    private string Accept(TokenResponse answer)
    {
        _accessToken = answer.AccessToken;
        _expiresAt = clock.GetUtcNow().AddSeconds(answer.ExpiresIn);
        logger.LogInformation("TradeStation access token obtained, valid until {ExpiresAt:O}", _expiresAt);
        return answer.AccessToken!;
    }

    private async Task<TokenResponse> PostAsync(IReadOnlyList<KeyValuePair<string, string>> form, string what, CancellationToken cancellationToken)
    {
        var unanswered = false;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await AttemptAsync(form, what, cancellationToken).ConfigureAwait(false);
            }
            catch (TradeStationAuthException e) when (unanswered)
            {
                // With rotating refresh tokens the unanswered attempt may have rotated it: the new token never arrived,
                // the old one is spent, and only a new sign-in helps. Say so, rather than leave a refusal to puzzle over.
                throw new TradeStationAuthException(
                    $"{e.Message} An earlier attempt got no answer: if the API key rotates refresh tokens, TradeStation may have issued a new one then that never arrived.");
            }
            catch (Exception e) when (attempt < settings.MaxRetries && e is TimeoutException or HttpRequestException
                or TradeStationApiException { IsTransient: true })
            {
                unanswered |= e is TimeoutException;
                logger.LogWarning("TradeStation {What} failed, retrying: {Error}: {Reason}", what, e.GetType().Name, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1 << attempt), clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<TokenResponse> AttemptAsync(IReadOnlyList<KeyValuePair<string, string>> form, string what, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(settings.RequestTimeoutSeconds));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.ResolvedTokenUrl.AbsoluteUri.TrimEnd('/') + "/oauth/token"))
            {
                Content = new FormUrlEncodedContent(form),
            };
            using var response = await http.SendAsync(request, attempt.Token).ConfigureAwait(false);
            var answer = await ReadAsync(response, attempt.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode && !string.IsNullOrEmpty(answer?.AccessToken) && answer.ExpiresIn > 0)
            {
                return answer;
            }

            if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw new TradeStationApiException(response.StatusCode, answer?.Error ?? response.StatusCode.ToString(), answer?.ErrorDescription ?? $"{what} failed");
            }

            // The sign-in server's own words (invalid_grant, …); never the form, which holds the secret and the token.
            throw new TradeStationAuthException(
                $"TradeStation refused the {what} ({(int)response.StatusCode} {answer?.Error ?? "no error code"}: {answer?.ErrorDescription ?? "no description"}); " +
                "run 'optauto broker login' again.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"TradeStation {what} got no answer within {settings.RequestTimeoutSeconds} s.");
        }
    }

    private static async Task<TokenResponse?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

/// <summary>Token state without the tokens: where the refresh token comes from, and when the current access token expires.</summary>
public sealed record TokenState(RefreshTokenSource RefreshToken, DateTimeOffset? AccessTokenExpiresAt);
