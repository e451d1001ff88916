using System.Text.Json.Serialization;

namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

/// <summary>
/// The sign-in server's answer (OAuth2, snake_case unlike the API): an access token for <see cref="ExpiresIn"/>
/// seconds and, on a code exchange or when the key rotates them, a new refresh token.
/// </summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription);
