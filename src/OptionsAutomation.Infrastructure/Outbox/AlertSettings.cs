using System.Globalization;

namespace OptionsAutomation.Infrastructure.Outbox;

/// <summary>
/// Appsettings section <c>Alerts</c>: where the outbox (alerts and proposal cards) is delivered. One channel, because
/// a row is settled once: <c>telegram</c> (the chat), <c>log</c> (each row written to the log and marked delivered
/// there), or <c>auto</c> — Telegram when a bot token is set, else the log, so alerts are never pending forever.
/// </summary>
public sealed record AlertSettings
{
    public const string SectionName = "Alerts";
    public const string Auto = "auto";
    public const string Telegram = "telegram";
    public const string Log = "log";

    public string Channel { get; init; } = Auto;

    /// <summary>Seconds between two looks at the outbox by the log channel.</summary>
    public double LogPollSeconds { get; init; } = 2;

    /// <summary>The channel in force: <see cref="Telegram"/> or <see cref="Log"/>.</summary>
    public string Resolve(bool telegramEnabled) => Chosen == Auto ? (telegramEnabled ? Telegram : Log) : Chosen;

    public IReadOnlyList<string> Validate(bool telegramEnabled)
    {
        var errors = new List<string>();
        if (Chosen is not (Auto or Telegram or Log))
        {
            errors.Add($"{SectionName}:{nameof(Channel)} = '{Channel}' is not a channel; expected auto, telegram or log.");
        }
        else if (Chosen == Telegram && !telegramEnabled)
        {
            errors.Add($"{SectionName}:{nameof(Channel)} = 'telegram' needs Telegram:BotToken (or TELEGRAM_BOT_TOKEN); use auto or log without a bot.");
        }

        if (LogPollSeconds is <= 0 or > 3600)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(LogPollSeconds)} must be in (0, 3600], was {LogPollSeconds}."));
        }

        return errors;
    }

    /// <summary><see cref="Channel"/> as written, read without regard to case or surrounding spaces.</summary>
    private string Chosen => Channel.Trim().ToLowerInvariant();
}
