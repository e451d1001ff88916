using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OptionsAutomation.Cli;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Core.Trading;

using static Microsoft.AspNetCore.Http.StatusCodes;

namespace OptionsAutomation.Web.Api;

/// <summary>
/// Portfolio risk (<c>risk report|stress --json</c>) and the gate's switches: the trading state
/// (<c>trading status|halt|reduce|resume</c>) and the circuit breaker reset. <c>GET /api/risk</c> answers the risk job's
/// last stored snapshot (its <c>as_of</c> is when it was computed) rather than a full revaluation per request; a report
/// as of another instant (<c>at</c>), or before any snapshot was stored, is computed on the spot; a fresh one now is
/// <c>POST /api/risk/recompute</c>, which needs the token like every call that writes.
/// </summary>
internal static class RiskEndpoints
{
    public static void Map(RouteGroupBuilder api, RouteGroupBuilder mutations)
    {
        api.MapGet("/risk", ReportAsync)
            .WithSummary("Portfolio risk: positions, exposure, dollar Greeks, VaR/CVaR, correlations, limits; the last stored snapshot (as_of: when computed) unless older than Risk:SnapshotMaxAgeMinutes, or computed as of at")
            .Problems(Status400BadRequest);
        mutations.MapPost("/risk/recompute", RecomputeAsync)
            .WithSummary("Run the risk check now, as the minute job does (snapshot stored, limit crossings alerted), and answer its report");
        api.MapGet("/risk/stress", StressAsync).WithSummary("P&L of each stress scenario by full revaluation").Problems(Status400BadRequest);
        api.MapGet("/trading-state", StateAsync).WithSummary("Trading state and circuit breaker");
        mutations.MapPost("/trading-state", SetStateAsync).WithSummary("Set the trading state: {\"state\":\"HALTED|REDUCING|ACTIVE\",\"reason\":\"…\"}")
            .Problems(Status400BadRequest);
        mutations.MapPost("/risk/breaker/reset", ResetBreakerAsync).WithSummary("Reset a tripped circuit breaker after its cooldown").Problems(Status409Conflict);
    }

    private static async Task<Ok<PortfolioRiskReport>> ReportAsync(CurrentRiskReport risk, string? at, CancellationToken cancellationToken) =>
        TypedResults.Ok(await risk.ReadAsync(ApiInput.Instant(at, "at"), cancellationToken).ConfigureAwait(false));

    private static async Task<Ok<PortfolioRiskReport>> RecomputeAsync(RiskMonitor monitor, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok((await monitor.CheckAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false)).Report);

    private static async Task<Ok<StressJson>> StressAsync(PortfolioRiskService risk, TimeProvider clock, string? at, CancellationToken cancellationToken)
    {
        var asOf = ApiInput.Instant(at, "at") ?? clock.GetUtcNow();
        var (inputs, results) = await risk.StressAsync(asOf, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(StressJson.Of(asOf, inputs, results));
    }

    private static async Task<Ok<TradingStatusJson>> StateAsync(ITradingControls controls, CancellationToken cancellationToken) =>
        TypedResults.Ok(TradingStatusJson.Of(await controls.GetAsync(cancellationToken).ConfigureAwait(false)));

    private static async Task<Ok<TradingStatusJson>> SetStateAsync(ITradingControls controls, TimeProvider clock, TradingStateChange? body, CancellationToken cancellationToken)
    {
        var state = ApiInput.Code<TradingState>(body?.State, "state") ?? throw new ApiInputException("the body needs \"state\": one of ACTIVE, REDUCING, HALTED.");
        var changed = await controls.SetStateAsync(state, ApiInput.Reason(body?.Reason), PositionEndpoints.Actor, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(TradingStatusJson.Of(changed));
    }

    private static async Task<Ok<TradingStatusJson>> ResetBreakerAsync(ITradingControls controls, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(TradingStatusJson.Of(await controls.ResetBreakerAsync(PositionEndpoints.Actor, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false)));
}

/// <summary>Body of <c>POST /api/trading-state</c>; the state as text so a wrong code is a 400 naming the valid ones.</summary>
internal sealed record TradingStateChange(string? State, string? Reason);
