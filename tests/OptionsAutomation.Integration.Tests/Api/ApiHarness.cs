using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OptionsAutomation.Integration.Tests.Support;
using OptionsAutomation.Worker;

namespace OptionsAutomation.Integration.Tests.Api;

/// <summary>
/// The worker's web application as <c>optauto run</c> builds it (<see cref="WorkerApp"/>), on a test database, the real
/// SPY chains of 2021-03-01 and the paper broker, listening on a free loopback port, with a clock stopped at that
/// day's close. The scheduler is built but not started (<c>Jobs:Enabled=false</c>): the tests drive the services.
/// </summary>
internal sealed class ApiHarness : IAsyncDisposable
{
    public const string Token = "api-test-token-0123456789";

    /// <summary>The close of 2021-03-01, when the chain files are stamped (16:00 New York).</summary>
    public static readonly DateTimeOffset Close = Spy2021Settings.Close;

    private readonly WebApplication _app;
    private readonly string _auditDirectory;

    private ApiHarness(WebApplication app, HttpClient http, string auditDirectory, CapturingLoggerProvider logs)
    {
        (_app, Http, _auditDirectory, Logs) = (app, http, auditDirectory, logs);
    }

    public HttpClient Http { get; }

    public CapturingLoggerProvider Logs { get; }

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <param name="replaceServices">registrations applied after the worker's (a failing feed, say).</param>
    public static async Task<ApiHarness> StartAsync(TestDatabase db, string? token = Token, Action<IServiceCollection>? replaceServices = null)
    {
        var auditDirectory = Directory.CreateTempSubdirectory("optauto-api-audit").FullName;
        var settings = Spy2021Settings.For(db);
        settings["Audit:Directory"] = auditDirectory;
        settings["Service:Urls"] = "http://127.0.0.1:0";
        settings["Service:ApiToken"] = token;
        settings["Jobs:Clustered"] = "false";
        settings["Jobs:Enabled"] = "false";
        // Without a bot the log alert channel settles the outbox; held off here so tests see their alerts pending.
        settings["Alerts:LogPollSeconds"] = "3600";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var logs = new CapturingLoggerProvider();
        var clock = new RealTimersClock(Close);
        var app = WorkerApp.Build(configuration, logs, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            replaceServices?.Invoke(services);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ApiHarness(app, new HttpClient { BaseAddress = new Uri(address) }, auditDirectory, logs);
    }

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null, string? token = Token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        return Http.SendAsync(request);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await ReadJsonAsync(response);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_auditDirectory, recursive: true);
    }
}
