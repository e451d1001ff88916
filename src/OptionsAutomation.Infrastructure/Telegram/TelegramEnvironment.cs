using System.Globalization;

namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// The product documents <c>TELEGRAM_BOT_TOKEN</c> and <c>TELEGRAM_APPROVER_IDS=111,222</c>. .NET configuration
/// only reads <c>Telegram__BotToken</c> and one variable per list item, so the host adds <see cref="Map"/>'s
/// result as a configuration layer.
/// </summary>
public static class TelegramEnvironment
{
    public const string BotToken = "TELEGRAM_BOT_TOKEN";

    public const string ApproverIds = "TELEGRAM_APPROVER_IDS";

    /// <summary>
    /// The two variables as <c>Telegram:*</c> keys: the token as is, the ids as <c>Telegram:AllowedUserIds:N</c>.
    /// An id that is not a whole number throws, naming the variable: an approver silently dropped (or a
    /// binder error naming a key the user never wrote) is worse than a clear refusal to start.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Map(IReadOnlyDictionary<string, string?> environment)
    {
        var keys = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (environment.TryGetValue(BotToken, out var token) && !string.IsNullOrWhiteSpace(token))
        {
            keys[$"{TelegramSettings.SectionName}:{nameof(TelegramSettings.BotToken)}"] = token.Trim();
        }

        if (environment.TryGetValue(ApproverIds, out var ids) && ids is not null)
        {
            var entries = ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var bad = entries.Where(e => !long.TryParse(e, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)).ToList();
            if (bad.Count > 0)
            {
                throw new InvalidConfigurationException(
                    [$"{ApproverIds} must be comma-separated Telegram user ids, had '{string.Join("', '", bad)}'."]);
            }

            for (var i = 0; i < entries.Length; i++)
            {
                keys[$"{TelegramSettings.SectionName}:{nameof(TelegramSettings.AllowedUserIds)}:{i}"] = entries[i];
            }
        }

        return keys;
    }
}
