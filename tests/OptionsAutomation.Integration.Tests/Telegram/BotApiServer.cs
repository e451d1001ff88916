using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OptionsAutomation.Integration.Tests.Telegram;

/// <summary>
/// One request as the server saw it: the URL path, the Bot API method, its parameters (the JSON body, or a multipart
/// upload's form fields as strings) and the files uploaded with it (none for a JSON body).
/// </summary>
public sealed record BotApiRequest(string Path, string Method, JsonElement Body, IReadOnlyList<BotApiFile> Files)
{
    /// <summary>
    /// A Boolean parameter as Telegram reads it: an absent one is false (the library leaves false ones out); in a
    /// multipart upload it is the form field's text.
    /// </summary>
    public bool Flag(string name) => Body.TryGetProperty(name, out var value)
        && (value.ValueKind == JsonValueKind.String ? bool.Parse(value.GetString()!) : value.GetBoolean());

    /// <summary>A parameter as text, whichever way it came: a JSON string or number, or a form field.</summary>
    public string? Text(string name) => Body.TryGetProperty(name, out var value)
        ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
        : null;
}

/// <summary>A file part of a multipart upload: its form field name, file name, declared content type and bytes.</summary>
public sealed record BotApiFile(string Name, string FileName, string? ContentType, byte[] Bytes);

/// <summary>A scripted answer: HTTP status and body, optionally held back (to provoke a client timeout).</summary>
public sealed record BotApiReply(int Status, string Body, TimeSpan Delay = default)
{
    public static BotApiReply Ok(string resultJson) => new(200, $$"""{"ok":true,"result":{{resultJson}}}""");

    public static BotApiReply Error(int code, string description, int? retryAfter = null) => new(
        code,
        retryAfter is { } seconds
            ? $$$"""{"ok":false,"error_code":{{{code}}},"description":"{{{description}}}","parameters":{"retry_after":{{{seconds}}}}}"""
            : $$"""{"ok":false,"error_code":{{code}},"description":"{{description}}"}""");
}

/// <summary>
/// A loopback server speaking the Bot API (<c>POST /bot{token}/{method}</c>, JSON in, ok/result or error out) on
/// 127.0.0.1 and a free port. It records every request and answers from a per-method script, falling back to
/// what Telegram would answer: the bot for getMe, the sent or edited message, no updates, or true.
/// </summary>
public sealed class BotApiServer : IAsyncDisposable
{
    public const string Token = "123456:TEST-secret_TOKEN-value";

    public const string BotJson = """{"id":123456,"is_bot":true,"first_name":"OptAuto","username":"optauto_bot"}""";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<BotApiReply>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<BotApiRequest> _requests = new();
    private readonly ConcurrentQueue<string> _updates = new();
    private WebApplication? _app;
    private int _nextMessageId = 100;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<BotApiRequest> Requests => [.. _requests];

    /// <summary>How long unscripted replies are held back: long enough for a test to act while a call is in flight.</summary>
    public TimeSpan DefaultReplyDelay { get; set; }

    /// <summary>An outage: while set, every call (recorded as usual) is answered 502 Bad Gateway, as a proxy in front of a down Telegram would.</summary>
    public bool Down { get; set; }

    public static async Task<BotApiServer> StartAsync()
    {
        var server = new BotApiServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        server._app = builder.Build();
        server._app.MapPost("/bot{token}/{method}", server.HandleAsync);
        await server._app.StartAsync();
        server.BaseUrl = server._app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.Single();
        return server;
    }

    /// <summary>
    /// Queues an update (JSON with its update_id). As Telegram does, getUpdates serves every queued update whose id
    /// is at least the request's offset, so an update is served again until a later offset confirms it.
    /// </summary>
    public void AddUpdate(string updateJson) => _updates.Enqueue(updateJson);

    public IReadOnlyList<BotApiRequest> Calls(string method) => [.. _requests.Where(r => r.Method == method)];

    /// <summary>The next calls of <paramref name="method"/> get these replies, in order.</summary>
    public void Script(string method, params BotApiReply[] replies)
    {
        var queue = _scripts.GetOrAdd(method, _ => new ConcurrentQueue<BotApiReply>());
        foreach (var reply in replies)
        {
            queue.Enqueue(reply);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var method = (string)context.GetRouteValue("method")!;
        var (parameters, files) = await ParametersAsync(context.Request);
        using var body = parameters;
        _requests.Enqueue(new BotApiRequest(context.Request.Path.Value!, method, body.RootElement.Clone(), files));

        var reply = Down ? new BotApiReply(502, "<html><body>502 Bad Gateway</body></html>")
            : (string?)context.GetRouteValue("token") != Token
            ? BotApiReply.Error(401, "Unauthorized")
            : _scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted)
                ? scripted
                : Default(method, body.RootElement) with { Delay = DefaultReplyDelay };
        if (reply.Delay > TimeSpan.Zero)
        {
            await Task.Delay(reply.Delay, context.RequestAborted);
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }

    /// <summary>
    /// The method's parameters: a JSON object, none at all (the library posts parameterless methods such as getMe
    /// without a body), or a multipart/form-data upload (sendPhoto), read as Telegram reads it: each field a parameter
    /// (as text), each file part an upload. The Bot API also takes query strings and url-encoded forms; the bot sends neither.
    /// </summary>
    private static async Task<(JsonDocument Parameters, IReadOnlyList<BotApiFile> Files)> ParametersAsync(HttpRequest request)
    {
        if (request.ContentLength == 0 || (request.ContentLength is null && request.ContentType is null))
        {
            return (JsonDocument.Parse("{}"), []);
        }

        if (request.HasFormContentType && request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            var fields = JsonSerializer.Serialize(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            var files = new List<BotApiFile>();
            foreach (var file in form.Files)
            {
                using var bytes = new MemoryStream();
                await file.CopyToAsync(bytes, request.HttpContext.RequestAborted);
                files.Add(new BotApiFile(file.Name, file.FileName, file.ContentType, bytes.ToArray()));
            }

            return (JsonDocument.Parse(fields), files);
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            throw new InvalidOperationException($"The bot sent {request.ContentType}; only JSON bodies and multipart uploads are expected.");
        }

        return (await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted), []);
    }

    private BotApiReply Default(string method, JsonElement body) => method switch
    {
        "getMe" => BotApiReply.Ok(BotJson),
        "getUpdates" => BotApiReply.Ok($"[{string.Join(',', PendingUpdates(body))}]"),
        "sendMessage" or "editMessageText" => BotApiReply.Ok(
            $$"""{"message_id":{{(body.TryGetProperty("message_id", out var id) ? id.GetInt64() : Interlocked.Increment(ref _nextMessageId))}},"date":1767225600,"chat":{"id":{{body.GetProperty("chat_id").GetInt64()}},"type":"private"},"from":{{BotJson}},"text":{{JsonSerializer.Serialize(body.TryGetProperty("text", out var text) ? text.GetString() : "")}}}"""),
        // Multipart fields are text: chat_id arrives as a string of digits.
        "sendPhoto" => BotApiReply.Ok(
            $$"""{"message_id":{{Interlocked.Increment(ref _nextMessageId)}},"date":1767225600,"chat":{"id":{{body.GetProperty("chat_id").GetString()}},"type":"private"},"from":{{BotJson}},"photo":[{"file_id":"AgAD-card","file_unique_id":"card","width":800,"height":450}],"caption":{{JsonSerializer.Serialize(body.TryGetProperty("caption", out var caption) ? caption.GetString() : null)}}}"""),
        _ => BotApiReply.Ok("true"),
    };

    private IEnumerable<string> PendingUpdates(JsonElement body)
    {
        var offset = body.TryGetProperty("offset", out var o) && o.ValueKind == JsonValueKind.Number ? o.GetInt64() : long.MinValue;
        return _updates.Where(u => JsonDocument.Parse(u).RootElement.GetProperty("update_id").GetInt64() >= offset);
    }
}
