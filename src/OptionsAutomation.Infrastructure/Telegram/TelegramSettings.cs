namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// Appsettings section <c>Telegram</c>. No token means the bot is off: approvals come from the CLI or the dashboard/API, and everything
/// else runs. The token and the callback secret are credentials, so <see cref="ToString"/> hides them.
/// </summary>
public sealed record TelegramSettings
{
    public const string SectionName = "Telegram";

    public const string PublicApiBaseUrl = "https://api.telegram.org";

    /// <summary>From BotFather; also read from <c>TELEGRAM_BOT_TOKEN</c> (<see cref="TelegramEnvironment"/>).</summary>
    public string? BotToken { get; init; }

    /// <summary>Any server speaking the Bot API: the public one, a local Bot API server, a test server.</summary>
    public string ApiBaseUrl { get; init; } = PublicApiBaseUrl;

    /// <summary>Where proposals and alerts go.</summary>
    public long? ChatId { get; init; }

    /// <summary>Telegram user ids who may act; also <c>TELEGRAM_APPROVER_IDS</c>, comma-separated.</summary>
    public IReadOnlyList<long> AllowedUserIds { get; init; } = [];

    /// <summary>Key for signing button callback data.</summary>
    public string? CallbackSecret { get; init; }

    /// <summary>Each HTTP attempt is abandoned after this long (getUpdates adds its long-poll timeout).</summary>
    public double RequestTimeoutSeconds { get; init; } = 10;

    /// <summary>Retries after the first attempt, for 429, 5xx, network failures and timeouts.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First backoff for 5xx and timeouts; it doubles each retry, with jitter.</summary>
    public double RetryBaseDelaySeconds { get; init; } = 1;

    /// <summary>A 429 asking to wait longer than this is not waited out here: it is thrown to the caller.</summary>
    public double MaxRetryAfterSeconds { get; init; } = 60;

    /// <summary>How long one getUpdates call waits for an update (long polling); 0 = short polling.</summary>
    public int LongPollSeconds { get; init; } = 25;

    /// <summary>
    /// Per outbox kind (<c>exit</c>, <c>mark_stale</c>, <c>proposal</c>, …): <c>on</c>, <c>silent</c> or <c>off</c>.
    /// A kind not listed is <c>on</c>. Kinds are not checked against a list: new alerts add kinds, and a setting for
    /// one that does not exist yet must not stop the worker.
    /// </summary>
    public IReadOnlyDictionary<string, string> Notifications { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// A text command, or a close prompt's confirmation, older than this is not acted on: Telegram keeps updates for a
    /// day while the worker is away, and a /resume or a "Close now" from hours ago must not run now.
    /// </summary>
    public int MaxCommandAgeSeconds { get; init; } = 300;

    /// <summary>Outbox rows older than this when delivery reaches them are marked failed, not sent; 0 = no limit.</summary>
    public double MaxMessageAgeHours { get; init; } = 24;

    /// <summary>Seconds between two looks at the outbox for messages to deliver.</summary>
    public double OutboxPollSeconds { get; init; } = 2;

    public const int MinCallbackSecretLength = 16;

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    /// <summary>How messages of <paramref name="kind"/> go out; configuration keys are case-insensitive, so is this.</summary>
    public NotificationMode NotificationFor(string kind) =>
        NotificationModes.Parse(Notifications.FirstOrDefault(n => string.Equals(n.Key, kind, StringComparison.OrdinalIgnoreCase)).Value)
        ?? NotificationMode.On;

    /// <summary>Every invalid setting, each message naming its key; empty when valid or when the bot is off.</summary>
    public IReadOnlyList<string> Validate()
    {
        if (!Enabled)
        {
            return [];
        }

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(CallbackSecret))
        {
            errors.Add($"{SectionName}:{nameof(CallbackSecret)} is required when {SectionName}:{nameof(BotToken)} is set.");
        }
        else if (CallbackSecret.Length < MinCallbackSecretLength)
        {
            // Anyone in the chat sees signed button data: a short key could be found offline by trying them all.
            errors.Add($"{SectionName}:{nameof(CallbackSecret)} must be at least {MinCallbackSecretLength} characters (e.g. openssl rand -hex 32), had {CallbackSecret.Length}.");
        }

        if (ChatId is null or 0)
        {
            errors.Add($"{SectionName}:{nameof(ChatId)} is required when {SectionName}:{nameof(BotToken)} is set.");
        }

        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{SectionName}:{nameof(ApiBaseUrl)} must be an absolute http(s) URL, was '{ApiBaseUrl}'.");
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            // The token travels in the URL path: in clear text only to a server on this machine.
            errors.Add($"{SectionName}:{nameof(ApiBaseUrl)} must be https unless it is on this machine (loopback), was '{ApiBaseUrl}'.");
        }

        if (MaxCommandAgeSeconds <= 0)
        {
            errors.Add($"{SectionName}:{nameof(MaxCommandAgeSeconds)} must be above 0, was {MaxCommandAgeSeconds}.");
        }

        if (RequestTimeoutSeconds is <= 0 or double.NaN or double.PositiveInfinity)
        {
            errors.Add($"{SectionName}:{nameof(RequestTimeoutSeconds)} must be above 0, was {RequestTimeoutSeconds}.");
        }

        if (MaxRetries < 1)
        {
            errors.Add($"{SectionName}:{nameof(MaxRetries)} must be 1 or more, was {MaxRetries}.");
        }

        if (RetryBaseDelaySeconds is <= 0 or double.NaN or double.PositiveInfinity)
        {
            errors.Add($"{SectionName}:{nameof(RetryBaseDelaySeconds)} must be above 0, was {RetryBaseDelaySeconds}.");
        }

        if (MaxRetryAfterSeconds is < 0 or double.NaN or double.PositiveInfinity)
        {
            errors.Add($"{SectionName}:{nameof(MaxRetryAfterSeconds)} must be 0 or more, was {MaxRetryAfterSeconds}.");
        }

        if (LongPollSeconds is < 0 or > 50)
        {
            errors.Add($"{SectionName}:{nameof(LongPollSeconds)} must be 0 to 50, was {LongPollSeconds}.");
        }

        if (MaxMessageAgeHours is < 0 or double.NaN or double.PositiveInfinity)
        {
            errors.Add($"{SectionName}:{nameof(MaxMessageAgeHours)} must be 0 or more, was {MaxMessageAgeHours}.");
        }

        if (OutboxPollSeconds is <= 0 or double.NaN or double.PositiveInfinity)
        {
            errors.Add($"{SectionName}:{nameof(OutboxPollSeconds)} must be above 0, was {OutboxPollSeconds}.");
        }

        errors.AddRange(Notifications
            .Where(n => NotificationModes.Parse(n.Value) is null)
            .Select(n => $"{SectionName}:{nameof(Notifications)}:{n.Key} must be {NotificationModes.Allowed}, was '{n.Value}'."));

        return errors;
    }

    // A record prints every property; settings get logged, so the credentials must not be among them.
    public override string ToString() =>
        $"{nameof(TelegramSettings)} {{ {nameof(Enabled)} = {Enabled}, {nameof(ApiBaseUrl)} = {ApiBaseUrl}, " +
        $"{nameof(ChatId)} = {ChatId}, {nameof(AllowedUserIds)} = [{string.Join(", ", AllowedUserIds)}], " +
        $"{nameof(BotToken)} = {Hidden(BotToken)}, {nameof(CallbackSecret)} = {Hidden(CallbackSecret)} }}";

    private static string Hidden(string? secret) => string.IsNullOrEmpty(secret) ? "(none)" : "***";
}
