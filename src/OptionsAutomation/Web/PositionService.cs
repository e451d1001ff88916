using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OptionsAutomation.Web;

/// <summary>
/// The Position Service: the dashboard (static files from wwwroot at <c>/</c>) and the HTTP API, mapped onto the
/// worker's web application so both read the same services and database as the jobs.
/// </summary>
internal static class PositionService
{
    public static WebApplication MapPositionService(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        return app;
    }
}
