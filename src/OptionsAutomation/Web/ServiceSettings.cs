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

    /// <summary>Bearer token for POST endpoints; a credential, so <see cref="ToString"/> hides it.</summary>
    public string? ApiToken { get; init; }

    public const int MinApiTokenLength = 16;

    public bool MutationsEnabled => !string.IsNullOrWhiteSpace(ApiToken);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var url in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"{SectionName}:{nameof(Urls)} must be http(s) URLs separated by ';', had '{url}'.");
            }
        }

        if (MutationsEnabled && ApiToken!.Length < MinApiTokenLength)
        {
            // It guards approvals and closes: short enough to guess is no guard.
            errors.Add($"{SectionName}:{nameof(ApiToken)} must be at least {MinApiTokenLength} characters (e.g. openssl rand -hex 32), had {ApiToken.Length}.");
        }

        return errors;
    }

    public override string ToString() =>
        $"{nameof(ServiceSettings)} {{ {nameof(Urls)} = {Urls}, {nameof(ApiToken)} = {(MutationsEnabled ? "***" : "(none: read-only)")} }}";
}
