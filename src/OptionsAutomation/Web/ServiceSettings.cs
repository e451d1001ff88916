namespace OptionsAutomation.Web;

/// <summary>
/// Appsettings section <c>Service</c>: the Position Service (HTTP API and dashboard) inside <c>optauto run</c>.
/// Without an <see cref="ApiToken"/> the API is read-only: every mutation answers 403.
/// </summary>
public sealed record ServiceSettings
{
    public const string SectionName = "Service";

    /// <summary>Where it listens; loopback by default, because the read endpoints need no token.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:8005";

    public IReadOnlyList<string> UrlList => Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Host names (without port; any port matches) a request's <c>Host</c> header may carry, separated by ';'; others
    /// are refused with 400. Loopback by default: a web page elsewhere cannot reach the API through a DNS name that
    /// resolves to 127.0.0.1 (DNS rebinding). Add the name clients use when <see cref="Urls"/> listens beyond loopback.
    /// </summary>
    public string AllowedHosts { get; init; } = "localhost;127.0.0.1;[::1]";

    public IReadOnlyList<string> AllowedHostList =>
        AllowedHosts.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Bearer token for POST endpoints; a credential, so <see cref="ToString"/> hides it.</summary>
    public string? ApiToken { get; init; }

    public const int MinApiTokenLength = 16;

    public bool MutationsEnabled => !string.IsNullOrWhiteSpace(ApiToken);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var url in UrlList)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"{SectionName}:{nameof(Urls)} must be http(s) URLs separated by ';', had '{url}'.");
            }
        }

        if (AllowedHostList.Count == 0)
        {
            errors.Add($"{SectionName}:{nameof(AllowedHosts)} must name at least one host (e.g. localhost;127.0.0.1;[::1]), had '{AllowedHosts}'.");
        }

        foreach (var host in AllowedHostList.Where(h => h.Contains('/', StringComparison.Ordinal) || (h.Contains(':', StringComparison.Ordinal) && !h.StartsWith('['))))
        {
            errors.Add($"{SectionName}:{nameof(AllowedHosts)} takes host names without scheme or port ('[::1]' for IPv6), had '{host}'.");
        }

        if (MutationsEnabled && ApiToken!.Length < MinApiTokenLength)
        {
            // It guards approvals and closes: short enough to guess is no guard.
            errors.Add($"{SectionName}:{nameof(ApiToken)} must be at least {MinApiTokenLength} characters (e.g. openssl rand -hex 32), had {ApiToken.Length}.");
        }

        return errors;
    }

    public override string ToString() =>
        $"{nameof(ServiceSettings)} {{ {nameof(Urls)} = {Urls}, {nameof(AllowedHosts)} = {AllowedHosts}, {nameof(ApiToken)} = {(MutationsEnabled ? "***" : "(none: read-only)")} }}";
}
