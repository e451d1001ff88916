using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OptionsAutomation.Integration.Tests.Brokers.TradeStation.Server;

/// <summary>
/// The sign-in host: <c>POST /oauth/token</c>, form-encoded, for the authorization code and refresh token grants,
/// answering snake_case OAuth JSON. Access tokens live <see cref="AccessTokenLifetimeSeconds"/> by <see cref="Clock"/>;
/// with <see cref="RotateRefreshTokens"/> each refresh returns a new refresh token and the old one stops working.
/// </summary>
public sealed partial class TradeStationServer
{
    public const string ClientId = "ts-client-id";

    public const string ClientSecret = "ts-client-SECRET-value";

    public const string AuthorizationCode = "ts-auth-CODE-value";

    public const string InitialRefreshToken = "ts-refresh-SECRET-0";

    private readonly Dictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private int _issued;

    /// <summary>The refresh token the server accepts now.</summary>
    public string RefreshToken { get; private set; } = InitialRefreshToken;

    public bool RotateRefreshTokens { get; set; }

    public int AccessTokenLifetimeSeconds { get; set; } = 1200;

    /// <summary>Each token answer is held back this long after the grant was checked (and a rotation took effect).</summary>
    public TimeSpan TokenAnswerDelay { get; set; }

    /// <summary>Every access token issued so far, oldest first (to check none was logged).</summary>
    public IReadOnlyList<string> IssuedAccessTokens
    {
        get
        {
            lock (_gate)
            {
                return [.. _accessTokens.Keys];
            }
        }
    }

    public IReadOnlyList<TsRequest> TokenRequests => [.. Requests.Where(r => r.Path == "/oauth/token")];

    /// <summary>Every access token stops working (as after a server-side revocation): the next call gets a 401.</summary>
    public void RevokeAccessTokens()
    {
        lock (_gate)
        {
            foreach (var token in _accessTokens.Keys.ToList())
            {
                _accessTokens[token] = DateTimeOffset.MinValue;
            }
        }
    }

    /// <summary>The refresh token stops working too: only a new sign-in helps.</summary>
    public void RevokeRefreshToken() => RefreshToken = "revoked-" + Guid.NewGuid();

    private void MapAuth(WebApplication app) => app.MapPost("/oauth/token", async (HttpContext context) =>
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Json(new Dictionary<string, string> { ["error"] = "access_denied", ["error_description"] = "Unauthorized" }, 401);
        }

        var grant = form["grant_type"].ToString();
        var accepted = grant switch
        {
            "authorization_code" => form["code"] == AuthorizationCode && !string.IsNullOrEmpty(form["redirect_uri"]),
            "refresh_token" => form["refresh_token"] == RefreshToken,
            _ => false,
        };
        if (!accepted)
        {
            return Json(new Dictionary<string, string> { ["error"] = "invalid_grant", ["error_description"] = "Unknown or invalid refresh token." }, 403);
        }

        string access;
        lock (_gate)
        {
            _issued++;
            access = $"ts-access-SECRET-{_issued.ToString(CultureInfo.InvariantCulture)}";
            _accessTokens[access] = Clock.GetUtcNow().AddSeconds(AccessTokenLifetimeSeconds);
        }

        var answer = new Dictionary<string, object>
        {
            ["access_token"] = access,
            ["expires_in"] = AccessTokenLifetimeSeconds,
            ["scope"] = "openid offline_access MarketData ReadAccount Trade OptionSpreads",
            ["id_token"] = "eyJ.id.token",
            ["token_type"] = "Bearer",
        };
        if (grant == "authorization_code" || RotateRefreshTokens)
        {
            RefreshToken = $"ts-refresh-SECRET-{Guid.NewGuid():N}";
            answer["refresh_token"] = RefreshToken;
        }

        if (TokenAnswerDelay > TimeSpan.Zero)
        {
            await Task.Delay(TokenAnswerDelay, CancellationToken.None);
        }

        return Json(answer);
    }).DisableAntiforgery();

    private ValueTask<object?> RequireBearerAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : "";
        bool valid;
        lock (_gate)
        {
            valid = _accessTokens.TryGetValue(token, out var expiresAt) && Clock.GetUtcNow() < expiresAt;
        }

        return valid ? next(context) : ValueTask.FromResult<object?>(Error(401, "Unauthorized", "Unauthorized"));
    }
}
