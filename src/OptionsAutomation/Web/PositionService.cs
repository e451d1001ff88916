using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Web.Api;
using OptionsAutomation.Web.Health;
using OptionsAutomation.Web.Metrics;

namespace OptionsAutomation.Web;

/// <summary>
/// The Position Service: the dashboard (static files from wwwroot at <c>/</c>) and the HTTP API, mapped onto the
/// worker's web application so both read the same services and database as the jobs. GETs are open (the service
/// listens on loopback by default); every POST passes <see cref="ApiTokenFilter"/>.
/// </summary>
internal static class PositionService
{
    public static IServiceCollection AddPositionService(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => ApiJson.Apply(options.SerializerOptions));
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Binding failures (bad JSON, a query value of the wrong type) reach ApiExceptionHandler as problem details.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddSingleton<OperationalCountsReader>();
        services.AddSingleton<AppMetrics>();
        services.AddSingleton<PrometheusExporter>();
        services.AddSingleton<HealthProbe>();
        services.AddSingleton<BacktestGate>();
        services.AddSingleton<BacktestHistory>();
        // The web host's defaults put host filtering first in the pipeline (a 400 "Invalid Hostname" page); the allowed
        // names are ours, not the top-level AllowedHosts key it would read otherwise.
        services.AddOptions<HostFilteringOptions>().Configure<ServiceSettings>((options, settings) => options.AllowedHosts = [.. settings.AllowedHostList]);
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "OptionsAutomation Position Service";
                document.Info.Description = "JSON keys are the CLI's --json keys (snake_case column names). POST endpoints need Authorization: Bearer {Service:ApiToken}.";
                return Task.CompletedTask;
            });
            options.AddBearerSecurity();
        });
        return services;
    }

    public static WebApplication MapPositionService(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        // Answers without a body (unknown route, wrong method) become problem details too.
        app.UseStatusCodePages();
        app.UseBodyLimit();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseSwaggerUI(options =>
        {
            // Served from the package's embedded files: works offline, and loads no inline script (see SecurityHeaders).
            options.RoutePrefix = "docs";
            options.DocumentTitle = "OptionsAutomation API";
            options.SwaggerEndpoint("/openapi/v1.json", "OptionsAutomation Position Service");
        });

        var api = app.MapGroup("/api").AddEndpointFilter<ApiValueFilter>().ProducesServerProblems();
        var mutations = api.MapGroup("").AddEndpointFilter<ApiTokenFilter>().ProducesGuardProblems();
        PositionEndpoints.Map(api, mutations);
        ReportEndpoints.Map(api);
        ScorecardEndpoints.Map(api);
        RiskEndpoints.Map(api, mutations);
        ProposalEndpoints.Map(api, mutations);
        AdjustmentEndpoints.Map(api, mutations);
        JournalEndpoints.Map(api, mutations);
        AlertEndpoints.Map(api);
        OrderEndpoints.Map(api);
        BrokerEndpoints.Map(api);
        BacktestEndpoints.Map(api, mutations);
        ServiceEndpoints.Map(app, api, mutations);
        app.MapOpenApi();
        // Listen from the start: job runs counted before the first scrape would otherwise be lost.
        app.Services.GetRequiredService<PrometheusExporter>();
        return app;
    }
}
