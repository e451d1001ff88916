namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>A button that sends <see cref="CallbackData"/> (1–64 bytes) back in a callback query when pressed.</summary>
public sealed record InlineKeyboardButton(string Text, string CallbackData);

/// <summary>Buttons under a message, row by row.</summary>
public sealed record InlineKeyboardMarkup(IReadOnlyList<IReadOnlyList<InlineKeyboardButton>> InlineKeyboard);

/// <summary>A command in the client's menu: <see cref="Command"/> is 1–32 of a-z, 0-9 and _, without the slash.</summary>
public sealed record BotCommand(string Command, string Description);
