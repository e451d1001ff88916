using System.Net.Http.Json;
using System.Text.Json;

namespace OptionsAutomation.Infrastructure.Telegram;

/// <summary>The Bot API's JSON: snake_case names, absent optional fields, and the ok/result/error envelope.</summary>
internal static class TelegramJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The result of a reply, or a <see cref="TelegramApiException"/> for an error or a non-protocol answer.</summary>
    public static async Task<T> ReadResultAsync<T>(string method, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        Reply<T>? reply;
        try
        {
            reply = await response.Content.ReadFromJsonAsync<Reply<T>>(Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException) when (!response.IsSuccessStatusCode)
        {
            // A proxy's HTML error page: keep the status so 5xx stays retryable.
            reply = null;
        }

        if (reply is null)
        {
            throw new TelegramApiException(method, status, $"HTTP {status} without a Bot API reply", null);
        }

        if (!reply.Ok)
        {
            var retryAfter = reply.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            throw new TelegramApiException(method, reply.ErrorCode ?? status, reply.Description ?? "", retryAfter);
        }

        return reply.Result ?? throw new JsonException($"Telegram {method} answered ok without a result.");
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
            // A reply missing a field the API promises is a protocol error, not a null to trip over later.
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed record Reply<T>(bool Ok, T? Result = default, int? ErrorCode = null, string? Description = null, ResponseParameters? Parameters = null);

    private sealed record ResponseParameters(long? MigrateToChatId = null, int? RetryAfter = null);
}
