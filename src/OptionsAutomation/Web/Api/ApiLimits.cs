using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace OptionsAutomation.Web.Api;

/// <summary>
/// Request bodies are small JSON objects (a reason, a state, a scope): anything over <see cref="MaxBodyBytes"/> is
/// refused with 413 before a handler runs, whether the client declared its length or streams it in chunks.
/// </summary>
internal static class ApiLimits
{
    public const int MaxBodyBytes = 64 * 1024;

    public const string TooLarge = "The request body is larger than 64 KiB, the most this API accepts.";

    public static IApplicationBuilder UseBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                // Kestrel then throws a 413 BadHttpRequestException on the read that passes the limit.
                limit.MaxRequestBodySize = MaxBodyBytes;
            }

            if (request.ContentLength > MaxBodyBytes)
            {
                throw new BadHttpRequestException(TooLarge, StatusCodes.Status413PayloadTooLarge);
            }

            if (request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: true })
            {
                // A chunked body has no declared length: read it here (at most the limit, then Kestrel's 413), where a
                // failure reaches the exception handler, rather than in the JSON binder, which would swallow it.
                request.EnableBuffering(MaxBodyBytes);
                await request.Body.DrainAsync(context.RequestAborted).ConfigureAwait(false);
                request.Body.Position = 0;
            }

            await next(context).ConfigureAwait(false);
        });
}
