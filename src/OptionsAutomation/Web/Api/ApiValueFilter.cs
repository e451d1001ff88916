using Microsoft.AspNetCore.Http;

namespace OptionsAutomation.Web.Api;

/// <summary>
/// Checks every query and route value of an API request before its handler runs, whichever route it is, so no
/// handler can forget a value: one the database cannot store (a NUL byte) is a 400 naming it, not a 500 from Postgres.
/// </summary>
internal sealed class ApiValueFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        foreach (var (name, values) in request.Query)
        {
            foreach (var value in values)
            {
                ApiInput.Text(value, name);
            }
        }

        foreach (var (name, value) in request.RouteValues)
        {
            if (value is string text)
            {
                ApiInput.Text(text, name);
            }
        }

        return next(context);
    }
}
