using System.Security.Cryptography;
using System.Text;

namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>A verified button press: the action and the id (request id, position id, adjustment id or ticker) it was signed for.</summary>
public sealed record CallbackCommand(CallbackAction Action, string Id);

/// <summary>
/// Signs and verifies button <c>callback_data</c>: <c>{action}|{id}|{tag}</c>, the tag being the first 12 bytes of
/// HMAC-SHA256 over <c>{action}|{id}</c> under <c>Telegram:CallbackSecret</c>, base64url (16 characters). Anyone in
/// the chat can craft callback data, so a press counts only if its tag verifies; 96 bits leave no room to guess one.
/// Telegram allows 64 bytes, so an id longer than <see cref="MaxIdBytes"/> gets no button (the text commands remain).
/// </summary>
public sealed class CallbackData
{
    public const int MaxBytes = 64;

    private const int TagBytes = 12;
    private const int TagChars = 16;
    private const char Separator = '|';

    /// <summary>Room left for the id: 64 minus the action letter, two separators and the tag.</summary>
    public const int MaxIdBytes = MaxBytes - 1 - 2 - TagChars;

    private readonly byte[] _key;

    public CallbackData(string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        _key = Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>The signed data for a button; null when the id does not fit in Telegram's 64 bytes.</summary>
    public string? Sign(CallbackAction action, string id)
    {
        if (id.Length == 0 || id.Contains(Separator, StringComparison.Ordinal) || Encoding.UTF8.GetByteCount(id) > MaxIdBytes)
        {
            return null;
        }

        var body = $"{Letter(action)}{Separator}{id}";
        return $"{body}{Separator}{Tag(body)}";
    }

    /// <summary>The command a press carries, or null when the data is malformed or its tag does not verify.</summary>
    public CallbackCommand? Verify(string? data)
    {
        if (data is null || Encoding.UTF8.GetByteCount(data) > MaxBytes)
        {
            return null;
        }

        var parts = data.Split(Separator);
        if (parts is not [{ Length: 1 } letter, { Length: > 0 } id, { Length: TagChars } tag] || ActionOf(letter[0]) is not { } action)
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Tag($"{letter}{Separator}{id}"));
        var given = Encoding.ASCII.GetBytes(tag);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? new CallbackCommand(action, id) : null;
    }

    private string Tag(string body)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(body));
        return Convert.ToBase64String(mac, 0, TagBytes).Replace('+', '-').Replace('/', '_');
    }

    private static char Letter(CallbackAction action) => action switch
    {
        CallbackAction.Approve => 'a',
        CallbackAction.Reject => 'r',
        CallbackAction.ConfirmClose => 'c',
        CallbackAction.CancelClose => 'n',
        CallbackAction.ConfirmFlatten => 'f',
        CallbackAction.CancelFlatten => 'x',
        CallbackAction.ApproveAdjustment => 'd',
        CallbackAction.CloseInstead => 'k',
        CallbackAction.IgnoreAdjustment => 'i',
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private static CallbackAction? ActionOf(char letter) => letter switch
    {
        'a' => CallbackAction.Approve,
        'r' => CallbackAction.Reject,
        'c' => CallbackAction.ConfirmClose,
        'n' => CallbackAction.CancelClose,
        'f' => CallbackAction.ConfirmFlatten,
        'x' => CallbackAction.CancelFlatten,
        'd' => CallbackAction.ApproveAdjustment,
        'k' => CallbackAction.CloseInstead,
        'i' => CallbackAction.IgnoreAdjustment,
        _ => null,
    };
}
