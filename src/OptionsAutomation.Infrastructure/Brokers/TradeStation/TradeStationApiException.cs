using System.Net;

namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

/// <summary>
/// TradeStation refused a call: the HTTP status (200 for failures reported inside a successful answer, such as a
/// per-account <c>Errors</c> item or an order's <c>Error</c>), the API's <c>Error</c> title and <c>Message</c>, and
/// for a 429 how long the server asked us to wait. Messages never contain tokens.
/// </summary>
public sealed class TradeStationApiException(HttpStatusCode status, string error, string message, TimeSpan? retryAfter = null)
    : Exception($"TradeStation {(int)status} {error}: {message}")
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>The API's error title (<c>BadRequest</c>, <c>TooManyRequests</c>, <c>FAILED</c>, …).</summary>
    public string Error { get; } = error;

    public string ApiMessage { get; } = message;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Worth another attempt: the server was busy or failing, not refusing the request itself.</summary>
    public bool IsTransient => Status == HttpStatusCode.TooManyRequests || (int)Status >= 500;
}
