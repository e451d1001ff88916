namespace OptionsAutomation.Infrastructure.Telegram;

// The Bot API objects the bot reads, with only the fields it uses: the port's vocabulary, so the callers (and
// their tests) do not depend on the library's types. TelegramGateway copies them from what the library parsed.

/// <summary>A Telegram user or bot.</summary>
public sealed record User(long Id, bool IsBot, string FirstName, string? LastName = null, string? Username = null);

/// <summary>A chat; <see cref="Type"/> is private, group, supergroup or channel.</summary>
public sealed record Chat(long Id, string Type, string? Title = null, string? Username = null);

/// <summary>
/// A message. Under a callback query it may be an inaccessible message (too old), which has only the chat,
/// the id and a <see cref="Date"/> of 0. <see cref="ReplyTo"/> is the message it answers (<c>reply_to_message</c>).
/// </summary>
public sealed record Message(long MessageId, Chat Chat, long Date, User? From = null, string? Text = null, Message? ReplyTo = null);

/// <summary>A press on an inline button; <see cref="Data"/> is the button's callback_data.</summary>
public sealed record CallbackQuery(string Id, User From, string? ChatInstance = null, Message? Message = null, string? Data = null);

/// <summary>One incoming update; at most one of its optional parts is set.</summary>
public sealed record Update(long UpdateId, Message? Message = null, CallbackQuery? CallbackQuery = null);
