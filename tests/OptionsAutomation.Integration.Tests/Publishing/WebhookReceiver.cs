using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OptionsAutomation.Integration.Tests.Publishing;

/// <summary>One POST as the receiver got it: its headers and the exact body bytes.</summary>
public sealed record WebhookCall(IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>A loopback HTTP receiver for webhook posts (<c>POST /hook</c>) that records each and answers from a script of statuses, then 200.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<WebhookCall> _calls = new();
    private readonly ConcurrentQueue<int> _statuses = new();
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    public IReadOnlyList<WebhookCall> Calls => [.. _calls];

    public static async Task<WebhookReceiver> StartAsync(params int[] statuses)
    {
        var receiver = new WebhookReceiver();
        foreach (var status in statuses)
        {
            receiver._statuses.Enqueue(status);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        receiver._app = builder.Build();
        receiver._app.MapPost("/hook", receiver.HandleAsync);
        await receiver._app.StartAsync();
        receiver.Url = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/hook";
        return receiver;
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
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _calls.Enqueue(new WebhookCall(headers, body.ToArray()));
        context.Response.StatusCode = _statuses.TryDequeue(out var status) ? status : 200;
    }
}
