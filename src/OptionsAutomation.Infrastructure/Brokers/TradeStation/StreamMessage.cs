using System.Text.Json;

namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

/// <summary>What one object of a stream is.</summary>
public enum StreamMessageKind
{
    /// <summary>A payload (a quote, a spread, an order…).</summary>
    Data,

    /// <summary><c>{"Heartbeat":n,"Timestamp":…}</c>, sent after 5 s without data.</summary>
    Heartbeat,

    /// <summary><c>{"StreamStatus":"EndSnapshot"}</c>: the initial snapshot is complete; updates follow.</summary>
    EndSnapshot,

    /// <summary><c>{"StreamStatus":"GoAway"}</c> (or an <c>Error</c> of GoAway): the server is closing; reconnect.</summary>
    GoAway,

    /// <summary><c>{"Error":…,"Message":…}</c>: the stream failed (BadRequest, DualLogon, InternalServerError…).</summary>
    Error,
}

/// <summary>One object read from a stream, classified; <see cref="Body"/> is the object itself (detached from the buffer).</summary>
public sealed record StreamMessage(StreamMessageKind Kind, JsonElement Body)
{
    /// <summary>The <c>Error</c> and <c>Message</c> of an <see cref="StreamMessageKind.Error"/> (or GoAway error) object.</summary>
    public string? ErrorText => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("Error", out var error)
        ? $"{error}: {(Body.TryGetProperty("Message", out var message) ? message.ToString() : "")}"
        : null;

    public T Deserialize<T>() => Body.Deserialize<T>(TradeStationJson.Options)
        ?? throw new JsonException($"a stream object could not be read as {typeof(T).Name}");

    public static StreamMessage Classify(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return new(StreamMessageKind.Data, body);
        }

        if (body.TryGetProperty("Heartbeat", out _))
        {
            return new(StreamMessageKind.Heartbeat, body);
        }

        if (body.TryGetProperty("StreamStatus", out var status) && status.ValueKind == JsonValueKind.String)
        {
            if (string.Equals(status.GetString(), "EndSnapshot", StringComparison.OrdinalIgnoreCase))
            {
                return new(StreamMessageKind.EndSnapshot, body);
            }

            if (string.Equals(status.GetString(), "GoAway", StringComparison.OrdinalIgnoreCase))
            {
                return new(StreamMessageKind.GoAway, body);
            }
        }

        // Payloads can carry an Error of their own (a bad symbol in a quote stream) alongside data; a bare error has
        // nothing but Error and Message.
        if (body.TryGetProperty("Error", out var error) && body.EnumerateObject().All(p => p.Name is "Error" or "Message" or "Timestamp"))
        {
            return new(string.Equals(error.GetString(), "GoAway", StringComparison.OrdinalIgnoreCase) ? StreamMessageKind.GoAway : StreamMessageKind.Error, body);
        }

        return new(StreamMessageKind.Data, body);
    }
}
