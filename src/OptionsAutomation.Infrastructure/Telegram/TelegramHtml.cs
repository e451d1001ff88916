namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// Messages go out in HTML parse mode, where the Bot API requires &lt;, &gt; and &amp; outside tags to be escaped;
/// anything we did not write ourselves (tickers, reasons, user names) passes through <see cref="Escape"/>.
/// </summary>
public static class TelegramHtml
{
    public static string Escape(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    public static string Bold(string text) => $"<b>{Escape(text)}</b>";

    public static string Code(string text) => $"<code>{Escape(text)}</code>";
}
