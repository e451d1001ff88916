using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OptionsAutomation.Web.Api;
using OptionsAutomation.Web.Health;
using OptionsAutomation.Web.Metrics;
using Prometheus;

namespace OptionsAutomation.Web;

/// <summary>What the dashboard needs to know about the service itself (whether to show approve buttons, its clock).</summary>
internal sealed record ServiceInfo(bool MutationsEnabled, string Environment, DateTimeOffset Now);

/// <summary>The service's own endpoints: <c>/api/info</c>, <c>/api/auth</c>, <c>/health</c> and <c>/metrics</c> (Prometheus).</summary>
internal static class ServiceEndpoints
{
    public static void Map(WebApplication app, RouteGroupBuilder api, RouteGroupBuilder guarded)
    {
        // Lets a client (the dashboard's token field) check a token without changing anything.
        guarded.MapGet("/auth", () => TypedResults.NoContent()).WithSummary("204 when the bearer token is accepted; 401 wrong token, 403 no token configured");
        api.MapGet("/info", Info).WithSummary("Whether POST endpoints are enabled (a token is configured), the environment and the server's clock");
        app.MapGet("/health", HealthAsync).WithSummary("Database, scheduler, Telegram and data freshness; 503 when the database is down")
            .Produces<HealthReport>().Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/metrics", MetricsAsync).WithSummary("Prometheus text exposition format").Produces<string>(StatusCodes.Status200OK, PrometheusConstants.TextContentTypeWithVersionAndEncoding)
            .Problems(StatusCodes.Status500InternalServerError, StatusCodes.Status503ServiceUnavailable);
    }

    private static Ok<ServiceInfo> Info(ServiceSettings settings, IHostEnvironment environment, TimeProvider clock) =>
        TypedResults.Ok(new ServiceInfo(settings.MutationsEnabled, environment.EnvironmentName, clock.GetUtcNow()));

    private static async Task<JsonHttpResult<JsonNode>> HealthAsync(HealthProbe probe, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var report = await probe.CheckAsync(cancellationToken).ConfigureAwait(false);
        var status = report.Checks.Database.Status == "ok" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        // Written through a node so every description can be cut to its first line: no stack trace reaches a reader.
        var body = JsonSerializer.SerializeToNode(report, json.Value.SerializerOptions)!;
        HealthText.SanitizeAll(body);
        return TypedResults.Json(body, json.Value.SerializerOptions, statusCode: status);
    }

    private static async Task MetricsAsync(HttpContext context, PrometheusExporter exporter, CancellationToken cancellationToken)
    {
        // Set before the body starts; a failed refresh throws before then, and the exception handler answers instead.
        context.Response.ContentType = PrometheusConstants.TextContentTypeWithVersionAndEncoding;
        await exporter.WriteAsync(context.Response.Body, cancellationToken).ConfigureAwait(false);
    }
}
