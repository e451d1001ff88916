using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OptionsAutomation.Web.Api;

/// <summary>
/// Says in the OpenAPI document what <see cref="ApiTokenFilter"/> enforces: a bearer scheme, required by every POST
/// and by <c>GET /api/auth</c>, so generated clients send the token where it is needed and nowhere else.
/// </summary>
internal static class BearerSecurityTransformers
{
    public const string SchemeName = "bearer";

    public static void AddBearerSecurity(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Service:ApiToken. Without one configured, every guarded endpoint answers 403.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var description = context.Description;
            if (description.HttpMethod == HttpMethods.Post || description.RelativePath == "api/auth")
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] }];
            }

            return Task.CompletedTask;
        });
    }
}
