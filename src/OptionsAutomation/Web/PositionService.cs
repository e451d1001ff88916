using Microsoft.AspNetCore.Builder;
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
        app.UseExceptionHandler();
        // Answers without a body (unknown route, wrong method) become problem details too.
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();

        var api = app.MapGroup("/api");
        var mutations = api.MapGroup("").AddEndpointFilter<ApiTokenFilter>();
        PositionEndpoints.Map(api, mutations);
        ReportEndpoints.Map(api);
        RiskEndpoints.Map(api, mutations);
        ProposalEndpoints.Map(api, mutations);
        AlertEndpoints.Map(api);
        OrderEndpoints.Map(api);
        BrokerEndpoints.Map(api);
        ServiceEndpoints.Map(app, api, mutations);
        app.MapOpenApi();
        // Listen from the start: job runs counted before the first scrape would otherwise be lost.
        app.Services.GetRequiredService<PrometheusExporter>();
        return app;
    }
}
