using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace OptionsAutomation.Web.Api;

/// <summary>
/// Guards every mutation: <c>Authorization: Bearer {Service:ApiToken}</c>. Without a configured token mutations are
/// off (403); a missing or wrong token is 401 with a <c>WWW-Authenticate</c> challenge (RFC 6750). The token is never
/// logged or echoed.
/// </summary>
internal sealed class ApiTokenFilter(ServiceSettings settings) : IEndpointFilter
{
    private const string Scheme = "Bearer";

    // Hashes have one length whatever the token's, so the comparison leaks neither content nor length.
    private readonly byte[]? _expected = settings.MutationsEnabled ? Hash(settings.ApiToken!) : null;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (_expected is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Mutations disabled",
                detail: "This service is read-only: set Service:ApiToken (Service__ApiToken) to enable POST endpoints.");
        }

        var presented = Presented(context.HttpContext.Request);
        if (presented is null || !CryptographicOperations.FixedTimeEquals(Hash(presented), _expected))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = presented is null
                ? $"{Scheme} realm=\"optauto\""
                : $"{Scheme} realm=\"optauto\", error=\"invalid_token\"";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized",
                detail: presented is null ? "Send Authorization: Bearer <Service:ApiToken>." : "The bearer token is not valid.");
        }

        return await next(context).ConfigureAwait(false);
    }

    private static string? Presented(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        return header.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase) && header.Length > Scheme.Length + 1
            ? header[(Scheme.Length + 1)..].Trim()
            : null;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
