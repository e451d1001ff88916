namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// The Bot API answered <c>"ok": false</c> (or not in its protocol at all, then <see cref="ErrorCode"/> is the HTTP
/// status). <see cref="RetryAfter"/> is set on flood control (429). The message never contains the token.
/// </summary>
public sealed class TelegramApiException(string method, int errorCode, string description, TimeSpan? retryAfter)
    : Exception($"Telegram {method} failed: {errorCode} {description}{Hint(errorCode)}")
{
    public string Method { get; } = method;

    public int ErrorCode { get; } = errorCode;

    public string Description { get; } = description;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>
    /// An edit that would leave the message as it is: the outcome is already shown (a double tap, or the outbox
    /// editing after the button handler did), so it counts as done.
    /// </summary>
    public bool IsMessageNotModified =>
        ErrorCode == 400 && Description.Contains("message is not modified", StringComparison.OrdinalIgnoreCase);

    // Telegram answers 401 to a revoked or mistyped token and 404 to one that is not even token-shaped.
    private static string Hint(int errorCode) => errorCode is 401 or 404
        ? $" (is {TelegramSettings.SectionName}:{nameof(TelegramSettings.BotToken)} right?)"
        : "";
}
