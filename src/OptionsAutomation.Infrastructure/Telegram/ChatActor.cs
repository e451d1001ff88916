using System.Globalization;

namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// Who pressed or typed, as the audit trail and the proposals record it (<c>telegram:111 (@alice)</c>), and
/// whether they may act: membership of <c>Telegram:AllowedUserIds</c>, never the chat — a group's members are
/// not all approvers.
/// </summary>
public sealed record ChatActor(long UserId, string Name, bool Authorized)
{
    public static ChatActor Of(User user, TelegramSettings settings) => new(
        user.Id,
        user.Username is { Length: > 0 } username
            ? string.Create(CultureInfo.InvariantCulture, $"telegram:{user.Id} (@{username})")
            : string.Create(CultureInfo.InvariantCulture, $"telegram:{user.Id}"),
        settings.AllowedUserIds.Contains(user.Id));

    public const string NotAuthorized = "⛔ Not authorized: your Telegram user id is not in Telegram:AllowedUserIds.";
}
