using System.Globalization;

namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

/// <summary>
/// Appsettings section <c>Broker:TradeStation</c>. Live trading needs <see cref="Environment"/> = <c>live</c>
/// <b>and</b> <see cref="ConfirmLive"/>; anything else trades on the simulator. The client secret is a credential,
/// so <see cref="ToString"/> hides it.
/// </summary>
public sealed record TradeStationSettings
{
    public const string SectionName = "Broker:TradeStation";

    public const string SimApiBaseUrl = "https://sim-api.tradestation.com/v3";

    public const string LiveApiBaseUrl = "https://api.tradestation.com/v3";

    /// <summary>The sign-in host is one for both environments.</summary>
    public const string SignInUrl = "https://signin.tradestation.com";

    /// <summary><c>sim</c> (default) or <c>live</c>.</summary>
    public string Environment { get; init; } = "sim";

    /// <summary>The second key live trading needs, so one mistyped setting never sends real orders.</summary>
    public bool ConfirmLive { get; init; }

    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    /// <summary>Registered with the API key; the browser lands here with <c>?code=…</c> after sign-in.</summary>
    public string RedirectUri { get; init; } = "http://localhost:3000";

    /// <summary>The account to trade; empty = the single active account (more than one is an error).</summary>
    public string? AccountId { get; init; }

    /// <summary>Default from the environment; any server speaking the API (plain http only on loopback).</summary>
    public string? ApiBaseUrl { get; init; }

    /// <summary>The sign-in host (<c>/authorize</c>, <c>/oauth/token</c>); default <see cref="SignInUrl"/>.</summary>
    public string? TokenUrl { get; init; }

    /// <summary>Confirm orders and report the broker's estimate, never place them.</summary>
    public bool PreviewOnly { get; init; }

    /// <summary>The Data Protection key ring that encrypts the stored refresh token.</summary>
    public string KeyRingDirectory { get; init; } = ".data/keys";

    /// <summary>The encrypted refresh token; written by <c>optauto broker login</c> and on every rotation.</summary>
    public string TokenFile { get; init; } = ".data/tradestation-token.bin";

    /// <summary>
    /// Each HTTP attempt is abandoned after this long. Below <c>Broker:Resilience:AttemptTimeoutSeconds</c> (10 s), so
    /// a slow answer surfaces here, as a timeout of ours, and the broker wrapper's own timeout stays the outer bound.
    /// </summary>
    public double RequestTimeoutSeconds { get; init; } = 8;

    /// <summary>Retries after the first attempt for idempotent calls (reads, cancel, replace) on 5xx, 429 and timeouts.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>A 429 asking to wait longer than this is thrown, not waited out.</summary>
    public double MaxRetryAfterSeconds { get; init; } = 60;

    /// <summary>A stream silent this long is dead (the server sends a heartbeat after 5 s idle).</summary>
    public double StreamInactivitySeconds { get; init; } = 30;

    /// <summary>True only when both keys say so.</summary>
    public bool IsLive => string.Equals(Environment, "live", StringComparison.OrdinalIgnoreCase) && ConfirmLive;

    public Uri ResolvedApiBaseUrl => new(string.IsNullOrWhiteSpace(ApiBaseUrl) ? IsLive ? LiveApiBaseUrl : SimApiBaseUrl : ApiBaseUrl.TrimEnd('/'));

    public Uri ResolvedTokenUrl => new(string.IsNullOrWhiteSpace(TokenUrl) ? SignInUrl : TokenUrl.TrimEnd('/'));

    /// <summary>One line for start-up and <c>broker status</c>.</summary>
    public string EnvironmentDescription => IsLive
        ? $"LIVE trading with real money at {ResolvedApiBaseUrl}"
        : string.Equals(Environment, "live", StringComparison.OrdinalIgnoreCase)
            ? $"SIM (Environment=live without ConfirmLive=true) at {ResolvedApiBaseUrl}"
            : $"SIM at {ResolvedApiBaseUrl}";

    /// <summary>Every invalid setting, each message naming its key.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Require(bool ok, string key, string rule, object? value)
        {
            if (!ok)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{key} {rule}, was '{value}'."));
            }
        }

        Require(Environment is not null && (Environment.Equals("sim", StringComparison.OrdinalIgnoreCase) || Environment.Equals("live", StringComparison.OrdinalIgnoreCase)),
            nameof(Environment), "must be sim or live", Environment);
        Require(!string.IsNullOrWhiteSpace(ClientId), nameof(ClientId), "is required (the API key)", ClientId);
        Require(!string.IsNullOrWhiteSpace(ClientSecret), nameof(ClientSecret), "is required (the API key's secret)", Hidden(ClientSecret));
        Require(Uri.TryCreate(RedirectUri, UriKind.Absolute, out _), nameof(RedirectUri), "must be an absolute URL", RedirectUri);
        CheckEndpoint(errors, nameof(ApiBaseUrl), ApiBaseUrl);
        CheckEndpoint(errors, nameof(TokenUrl), TokenUrl);
        Require(!string.IsNullOrWhiteSpace(KeyRingDirectory), nameof(KeyRingDirectory), "is required", KeyRingDirectory);
        Require(!string.IsNullOrWhiteSpace(TokenFile), nameof(TokenFile), "is required", TokenFile);
        Require(RequestTimeoutSeconds is > 0 and <= 300, nameof(RequestTimeoutSeconds), "must be above 0 and at most 300", RequestTimeoutSeconds);
        Require(MaxRetries is >= 1 and <= 10, nameof(MaxRetries), "must be 1 to 10", MaxRetries);
        Require(MaxRetryAfterSeconds is >= 0 and <= 3600, nameof(MaxRetryAfterSeconds), "must be 0 to 3600", MaxRetryAfterSeconds);
        Require(StreamInactivitySeconds is > 0 and <= 600, nameof(StreamInactivitySeconds), "must be above 0 and at most 600", StreamInactivitySeconds);
        return errors;
    }

    // Tokens travel in headers and bodies: in clear text only to a server on this machine.
    private static void CheckEndpoint(List<string> errors, string key, string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{SectionName}:{key} must be an absolute http(s) URL, was '{url}'.");
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            errors.Add($"{SectionName}:{key} must be https unless it is on this machine (loopback), was '{url}'.");
        }
    }

    public override string ToString() =>
        $"{nameof(TradeStationSettings)} {{ {nameof(Environment)} = {Environment}, {nameof(ConfirmLive)} = {ConfirmLive}, " +
        $"{nameof(ClientId)} = {ClientId}, {nameof(ClientSecret)} = {Hidden(ClientSecret)}, {nameof(AccountId)} = {AccountId}, " +
        $"{nameof(ApiBaseUrl)} = {ResolvedApiBaseUrl}, {nameof(PreviewOnly)} = {PreviewOnly} }}";

    private static string Hidden(string? secret) => string.IsNullOrEmpty(secret) ? "(none)" : "***";
}
