using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OptionsAutomation.Integration.Tests.Brokers.TradeStation.Server;

/// <summary>One request as the server saw it: method, path (without the query), query, bearer token and body text.</summary>
public sealed record TsRequest(string Method, string Path, string Query, string? Bearer, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public override string ToString() => $"{Method} {Path}{Query}";
}

/// <summary>A scripted answer: status, JSON body, an optional Retry-After in seconds, an optional hold-back.</summary>
public sealed record TsReply(int Status, string Body, int? RetryAfterSeconds = null, TimeSpan Delay = default)
{
    /// <summary>The API's error shape, <c>{"Error","Message"}</c>.</summary>
    public static TsReply Error(int status, string error, string message, int? retryAfterSeconds = null) =>
        new(status, JsonSerializer.Serialize(new { Error = error, Message = message }), retryAfterSeconds);
}

/// <summary>
/// A loopback server speaking TradeStation's Web API v3 as documented (see docs/brokers/tradestation.md): the sign-in
/// host's <c>/oauth/token</c> at the root and the API under <c>/v3</c>, PascalCase JSON with numbers as strings,
/// bearer tokens that expire, 401/429/5xx and per-account <c>Errors</c> inside a 200. Each area lives in a file of
/// its own (<c>TradeStationServer.Auth.cs</c>, <c>.Accounts.cs</c>, <c>.Orders.cs</c>,
/// <c>.Matching.cs</c>, <c>.MarketData.cs</c>); more areas implement the
/// partial <c>Map…</c> methods below in new files. Every request is recorded; <see cref="Script"/> answers the next
/// matching requests with a fault before the normal handling.
/// </summary>
public sealed partial class TradeStationServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<TsRequest> _requests = new();
    private readonly ConcurrentQueue<(string Method, string PathPart, TsReply Reply)> _scripts = new();
    private readonly Lock _gate = new();
    private WebApplication? _app;

    private TradeStationServer(TimeProvider clock) => Clock = clock;

    /// <summary>The server's clock: tokens expire by it. Share one with the client under test to move time.</summary>
    public TimeProvider Clock { get; }

    /// <summary><c>http://127.0.0.1:port</c>: the sign-in host (<c>Broker:TradeStation:TokenUrl</c>).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The API base (<c>Broker:TradeStation:ApiBaseUrl</c>).</summary>
    public string ApiBaseUrl => BaseUrl + "/v3";

    public IReadOnlyList<TsRequest> Requests => [.. _requests];

    /// <summary>API requests (under /v3) with <paramref name="method"/> whose path contains <paramref name="pathPart"/>.</summary>
    public IReadOnlyList<TsRequest> Calls(string method, string pathPart) =>
        [.. _requests.Where(r => r.Method == method && r.Path.Contains(pathPart, StringComparison.Ordinal))];

    public static async Task<TradeStationServer> StartAsync(TimeProvider? clock = null)
    {
        var server = new TradeStationServer(clock ?? TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Use(server.RecordAndScriptAsync);
        server.MapAuth(app);
        var api = app.MapGroup("/v3");
        api.AddEndpointFilter(server.RequireBearerAsync);
        server.MapAccounts(api);
        server.MapOrders(api);
        server.MapMarketData(api);
        await app.StartAsync();
        server._app = app;
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return server;
    }

    /// <summary>The next <paramref name="times"/> requests of <paramref name="method"/> whose path contains <paramref name="pathPart"/> get <paramref name="reply"/>.</summary>
    public void Script(string method, string pathPart, TsReply reply, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _scripts.Enqueue((method, pathPart, reply));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>Order endpoints (<c>TradeStationServer.Orders.cs</c>).</summary>
    partial void MapOrders(RouteGroupBuilder api);

    /// <summary>Market-data endpoints and streams, for the market-data adapter's tests.</summary>
    partial void MapMarketData(RouteGroupBuilder api);

    /// <summary>Writes <paramref name="body"/> as the API does: PascalCase, exactly the given shape.</summary>
    internal static IResult Json(object body, int status = 200) =>
        Results.Text(JsonSerializer.Serialize(body), "application/json; charset=utf-8", Encoding.UTF8, status);

    internal static IResult Error(int status, string error, string message) => Json(new { Error = error, Message = message }, status);

    private async Task RecordAndScriptAsync(HttpContext context, RequestDelegate next)
    {
        context.Request.EnableBuffering();
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        context.Request.Body.Position = 0;
        var authorization = context.Request.Headers.Authorization.ToString();
        _requests.Enqueue(new TsRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "",
            authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null,
            body));

        if (TakeScript(context.Request.Method, context.Request.Path.Value ?? "") is { } reply)
        {
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }

            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json; charset=utf-8";
            if (reply.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await context.Response.WriteAsync(reply.Body, context.RequestAborted);
            return;
        }

        await next(context);
    }

    private TsReply? TakeScript(string method, string path)
    {
        lock (_gate)
        {
            var all = new List<(string Method, string PathPart, TsReply Reply)>();
            while (_scripts.TryDequeue(out var entry))
            {
                all.Add(entry);
            }

            var index = all.FindIndex(s => s.Method == method && path.Contains(s.PathPart, StringComparison.Ordinal));
            TsReply? found = index >= 0 ? all[index].Reply : null;
            for (var i = 0; i < all.Count; i++)
            {
                if (i != index)
                {
                    _scripts.Enqueue(all[i]);
                }
            }

            return found;
        }
    }
}
