using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OptionsAutomation.Web.Api;

/// <summary>
/// The problem-details answers each route can give, for the OpenAPI document: every API route 500 (a bug) and 503
/// (no database); every mutation 401/403 (<see cref="ApiTokenFilter"/>) and 413 (<see cref="ApiLimits"/>); routes add
/// 400, 404 and 409 where they have parameters, look something up or meet a state that forbids them.
/// </summary>
internal static class ApiProblemMetadata
{
    public static RouteGroupBuilder ProducesServerProblems(this RouteGroupBuilder group) =>
        group.ProducesProblem(StatusCodes.Status500InternalServerError).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    public static RouteGroupBuilder ProducesGuardProblems(this RouteGroupBuilder group) =>
        group.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    public static RouteHandlerBuilder Problems(this RouteHandlerBuilder endpoint, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            endpoint.ProducesProblem(status);
        }

        return endpoint;
    }
}
