using System.Globalization;

namespace OptionsAutomation.Infrastructure.Publishing;

/// <summary>
/// Appsettings section <c>Publishing</c>: what public performance pages may show, and the webhook the 16:05 scorecard is
/// also posted to. Position sizes (contracts) stay out unless <see cref="ShowSizes"/>; nothing is posted unless
/// <see cref="WebhookUrl"/> is set. The secret is a credential (set it as <c>Publishing__WebhookSecret</c> in the
/// environment), so <see cref="ToString"/> hides it.
/// </summary>
public sealed record PublishingSettings
{
    public const string SectionName = "Publishing";

    public const int MinWebhookSecretLength = 16;

    public bool ShowSizes { get; init; }

    /// <summary>Where the scorecard (JSON with its card) is POSTed after the close; unset = no webhook.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>Key of the body's HMAC-SHA256 signature (<c>X-OptAuto-Signature: sha256=HEX</c>).</summary>
    public string? WebhookSecret { get; init; }

    /// <summary>Seconds between two looks at the outbox for webhook posts due.</summary>
    public double WebhookPollSeconds { get; init; } = 5;

    /// <summary>Each POST attempt is abandoned after this long.</summary>
    public double WebhookTimeoutSeconds { get; init; } = 10;

    public bool WebhookEnabled => !string.IsNullOrWhiteSpace(WebhookUrl);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!WebhookEnabled)
        {
            return errors;
        }

        if (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{SectionName}:{nameof(WebhookUrl)} must be an absolute http(s) URL.");
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            errors.Add($"{SectionName}:{nameof(WebhookUrl)} must be https unless it is on this machine (loopback), was {Shown(uri)}.");
        }

        if (string.IsNullOrWhiteSpace(WebhookSecret) || WebhookSecret.Length < MinWebhookSecretLength)
        {
            errors.Add($"{SectionName}:{nameof(WebhookSecret)} (e.g. Publishing__WebhookSecret in the environment) must be at least {MinWebhookSecretLength} characters when {SectionName}:{nameof(WebhookUrl)} is set.");
        }

        if (WebhookPollSeconds is <= 0 or > 3600 or double.NaN)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(WebhookPollSeconds)} must be in (0, 3600], was {WebhookPollSeconds}."));
        }

        if (WebhookTimeoutSeconds is <= 0 or > 300 or double.NaN)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(WebhookTimeoutSeconds)} must be in (0, 300], was {WebhookTimeoutSeconds}."));
        }

        return errors;
    }

    // A record prints every property; settings get logged, so the secret must not be among them — nor the URL's path,
    // query or user info, where many receivers (chat webhooks) put a token of their own.
    public override string ToString() =>
        $"{nameof(PublishingSettings)} {{ {nameof(ShowSizes)} = {ShowSizes}, {nameof(WebhookUrl)} = " +
        $"{(Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) ? Shown(uri) : WebhookUrl is null ? "(none)" : "(not a URL)")}, " +
        $"{nameof(WebhookSecret)} = {(string.IsNullOrEmpty(WebhookSecret) ? "(none)" : "***")} }}";

    /// <summary>Scheme, host and port only, with the rest elided.</summary>
    private static string Shown(Uri uri) => $"{uri.Scheme}://{uri.Authority}/…";
}
