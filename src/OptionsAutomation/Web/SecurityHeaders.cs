using Microsoft.AspNetCore.Builder;

namespace OptionsAutomation.Web;

/// <summary>
/// Headers every answer carries (dashboard, API, <c>/docs</c>): scripts, styles, images and requests from this origin
/// only — the dashboard and the Swagger UI load no inline script and nothing from a CDN —, never framed (no
/// clickjacking of the approve buttons), no content sniffing, and no referrer leaking a URL elsewhere.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// <c>data:</c> images: the Swagger UI's stylesheet draws its icons as inline SVG. Element styles set from script
    /// (the CSSOM, as uPlot does) are not governed by <c>style-src</c>; a <c>style</c> attribute in markup would be.
    /// </summary>
    public const string ContentSecurityPolicy = Policy + "style-src 'self'";

    /// <summary>
    /// The Swagger UI (Swashbuckle.AspNetCore.SwaggerUI 11.0.1) inserts one fixed inline style; its hash admits that one
    /// and no other. A new version of the package may need a new hash: the browser test of <c>/docs</c> says so.
    /// </summary>
    public const string DocsContentSecurityPolicy = Policy + "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

    private const string Policy =
        "default-src 'self'; script-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; ";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // When the answer starts: the exception handler clears the headers of a failed answer before writing its own.
            var response = context.Response;
            response.OnStarting(() =>
            {
                var headers = response.Headers;
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/docs") ? DocsContentSecurityPolicy : ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
