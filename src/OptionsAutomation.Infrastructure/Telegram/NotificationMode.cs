namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// How an outbox kind reaches the chat (<c>Telegram:Notifications</c>): <c>on</c> with the client's sound,
/// <c>silent</c> without it (<c>disable_notification</c>), <c>off</c> not at all (the row is settled unsent).
/// </summary>
public enum NotificationMode
{
    On,
    Silent,
    Off,
}

/// <summary>The settings' spelling of <see cref="NotificationMode"/>.</summary>
public static class NotificationModes
{
    public const string Allowed = "on, silent or off";

    public static NotificationMode? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "on" => NotificationMode.On,
        "silent" => NotificationMode.Silent,
        "off" => NotificationMode.Off,
        _ => null,
    };
}
