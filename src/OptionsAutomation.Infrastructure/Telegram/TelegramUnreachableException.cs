namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>
/// Telegram did not answer the bot's connect (network failure, timeout, 5xx or flood control after the retries): an
/// outage, not a wrong setting, so the worker starts without the bot and keeps trying. The message never holds the token.
/// </summary>
public sealed class TelegramUnreachableException(string message, Exception inner) : Exception(message, inner);
