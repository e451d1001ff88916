using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using OptionsAutomation.Infrastructure.Outbox;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Infrastructure.Telegram;
using Polly;
using Polly.Retry;

namespace OptionsAutomation.Infrastructure.Publishing;

/// <summary>
/// Posts the outbox's <c>webhook</c> rows to <c>Publishing:WebhookUrl</c>: a JSON body
/// <c>{"event", "idempotency_key", "data", "card_png_base64"}</c> signed with HMAC-SHA256 (<see cref="WebhookSignature"/>),
/// with the row's dedup key as <c>Idempotency-Key</c> so a receiver drops a repeat. Rows are claimed FOR UPDATE SKIP
/// LOCKED (two workers never post the same row) and settled in that transaction: at least once. Polly retries 5xx, 408,
/// 429, timeouts and network failures within a run; a row still failing waits (5 s doubling to 5 min) for a later run;
/// any other answer (a 4xx) settles it as failed, since repeating would not change it.
/// </summary>
public sealed partial class WebhookDelivery
{
    private const int Batch = 10;

    private readonly HttpClient _http;
    private readonly PublishingSettings _settings;
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;
    private readonly ILogger<WebhookDelivery> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    static WebhookDelivery() => DapperConventions.Apply();

    public WebhookDelivery(HttpClient http, PublishingSettings settings, NpgsqlDataSource dataSource, TimeProvider clock, ILogger<WebhookDelivery> logger)
    {
        (_http, _settings, _dataSource, _clock, _logger) = (http, settings, dataSource, clock, logger);
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutException>()
                    .HandleResult(IsTransient),
                MaxRetryAttempts = 3,
                Delay = TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .Build();
    }

    /// <summary>Posts what is due; returns how many rows it settled (sent or failed).</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT message_id, dedup_key, payload::text AS payload, photo, attempts FROM outbox
            WHERE channel = @Channel AND delivered_at IS NULL AND delivery IS NULL AND available_at <= @Now
            ORDER BY message_id LIMIT @Batch FOR UPDATE SKIP LOCKED
            """,
            new { WebhookOutbox.Channel, Now = _clock.GetUtcNow().ToUniversalTime(), Batch }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var settled = 0;
        foreach (var row in rows)
        {
            settled += await DeliverAsync(connection, transaction, row, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return settled;
    }

    /// <summary>The exact bytes posted (and signed) for a row.</summary>
    public static byte[] Body(string key, string eventJson, byte[]? card)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("event", key.Split(':')[0]);
            json.WriteString("idempotency_key", key);
            json.WritePropertyName("data");
            json.WriteRawValue(eventJson);
            json.WriteString("card_png_base64", card is null ? null : Convert.ToBase64String(card));
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private async Task<bool> DeliverAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Row row, CancellationToken cancellationToken)
    {
        var body = Body(row.DedupKey, row.Payload, row.Photo);
        string? error;
        bool permanent;
        try
        {
            using var response = await _pipeline.ExecuteAsync(token => new ValueTask<HttpResponseMessage>(PostAsync(row.DedupKey, body, token)), cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                await SettleAsync(connection, transaction, row, DeliveryCodes.Sent, null, null, cancellationToken).ConfigureAwait(false);
                return true;
            }

            (error, permanent) = ($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", !IsTransient(response));
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException)
        {
            (error, permanent) = ($"{e.GetType().Name}: {e.Message}", false);
        }

        if (permanent)
        {
            LogRefused(row.MessageId, error);
            await SettleAsync(connection, transaction, row, DeliveryCodes.Failed, error, null, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var retryAt = _clock.GetUtcNow() + OutboxBackoff.After(row.Attempts + 1);
        LogPostponed(row.MessageId, retryAt, error);
        await SettleAsync(connection, transaction, row, null, error, retryAt, cancellationToken).ConfigureAwait(false);
        return false;
    }

    private async Task<HttpResponseMessage> PostAsync(string key, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _settings.WebhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = Encoding.UTF8.WebName };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Of(_settings.WebhookSecret!, body));
        request.Headers.Add("Idempotency-Key", key);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(_settings.WebhookTimeoutSeconds));
        try
        {
            return await _http.SendAsync(request, attempt.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the webhook gave no answer within {_settings.WebhookTimeoutSeconds} s");
        }
    }

    private Task SettleAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Row row, string? delivery, string? error, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE outbox SET delivery = @delivery, attempts = attempts + 1, last_error = @error,
                delivered_at = CASE WHEN @delivery = 'sent' THEN @Now ELSE delivered_at END,
                available_at = coalesce(@RetryAt, available_at)
            WHERE message_id = @MessageId
            """,
            new { delivery, error, row.MessageId, Now = _clock.GetUtcNow().ToUniversalTime(), RetryAt = retryAt?.ToUniversalTime() }, transaction, cancellationToken: cancellationToken));

    private static bool IsTransient(HttpResponseMessage response) =>
        (int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook post {MessageId} refused for good ({Error}); marked failed")]
    private partial void LogRefused(long messageId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook post {MessageId} not delivered, retrying at {RetryAt:O}: {Error}")]
    private partial void LogPostponed(long messageId, DateTimeOffset retryAt, string error);

    private sealed class Row
    {
        public long MessageId { get; set; }
        public string DedupKey { get; set; } = "";
        public string Payload { get; set; } = "";
        public byte[]? Photo { get; set; }
        public int Attempts { get; set; }
    }
}
