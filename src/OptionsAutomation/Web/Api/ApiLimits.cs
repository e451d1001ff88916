using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OptionsAutomation.Web.Api;

/// <summary>
/// Request bodies are small JSON objects (a reason, a state, a scope): anything over <see cref="MaxBodyBytes"/> is
/// refused with 413 before a handler runs, whether the client declared its length or streams it in chunks.
/// </summary>
/// <remarks>
/// Kestrel's own limit stays at its default on purpose: after our 413 it reads and discards the rest of the body, so the
/// client finishes sending and reads the answer. Under a lowered Kestrel limit it would drop the connection instead, and
/// the client would see a broken pipe rather than the 413.
/// </remarks>
internal static class ApiLimits
{
    public const int MaxBodyBytes = 64 * 1024;

    public const string TooLarge = "The request body is larger than 64 KiB, the most this API accepts.";

    public static IApplicationBuilder UseBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.ContentLength > MaxBodyBytes)
            {
                throw new BadHttpRequestException(TooLarge, StatusCodes.Status413PayloadTooLarge);
            }

            if (request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: true })
            {
                // A chunked body has no declared length: read it here, at most one byte past the limit, where the 413
                // reaches the exception handler (the JSON binder would swallow a failed read), and hand on the copy.
                var copy = await ReadLimitedAsync(request.Body, context.RequestAborted).ConfigureAwait(false);
                context.Response.RegisterForDisposeAsync(copy);
                request.Body = copy;
            }

            await next(context).ConfigureAwait(false);
        });

    private static async Task<MemoryStream> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        var copy = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (copy.Length + read > MaxBodyBytes)
            {
                await copy.DisposeAsync().ConfigureAwait(false);
                throw new BadHttpRequestException(TooLarge, StatusCodes.Status413PayloadTooLarge);
            }

            copy.Write(buffer, 0, read);
        }

        copy.Position = 0;
        return copy;
    }
}
