using System.Security.Cryptography;
using System.Text;

namespace OptionsAutomation.Infrastructure.Publishing;

/// <summary>The webhook body's signature as receivers check it: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the exact body bytes.</summary>
public static class WebhookSignature
{
    public const string Header = "X-OptAuto-Signature";

    public static string Of(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
