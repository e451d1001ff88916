using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using OptionsAutomation.Cli;
using OptionsAutomation.Hosting;
using OptionsAutomation.Infrastructure.Brokers;

using static Microsoft.AspNetCore.Http.StatusCodes;

namespace OptionsAutomation.Web.Api;

/// <summary>
/// The dashboard's Backtest page: <c>GET /api/backtest</c> (what a run may choose) and <c>POST /api/backtest</c>, which
/// runs <c>optauto backtest</c> in the web process — the same validation (<see cref="BacktestSetup"/>) and engine, the
/// worker's configured rules with a few overrides — and answers what the <c>--report</c> file embeds
/// (<see cref="BacktestPage"/>). Bounded: one run at a time (<see cref="BacktestGate"/>), <see cref="TimeLimit"/>, and
/// stopped when the client goes away.
/// </summary>
internal static class BacktestEndpoints
{
    /// <summary>Ten times the whole history's run on this machine: room for a loaded machine, not for a stuck one.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(1);

    public static void Map(RouteGroupBuilder api, RouteGroupBuilder mutations)
    {
        api.MapGet("/backtest", Choices).WithSummary("What a backtest may choose: profiles, the market history's dates, the defaults");
        mutations.MapPost("/backtest", RunAsync)
            .WithSummary("Run a backtest as optauto backtest does (one at a time, at most a minute): {\"from\",\"to\",\"profile\",\"starting_equity\",\"approval_share\",\"seed\",\"reset_breaker_next_session\"}; answers the --json output and the report's chart series")
            .Problems(Status400BadRequest, Status409Conflict, Status503ServiceUnavailable);
    }

    private static Ok<BacktestChoices> Choices(BacktestHistory market, IConfiguration configuration)
    {
        var history = market.History;
        var settings = BacktestCommand.BacktestSettingsOf(configuration);
        return TypedResults.Ok(new BacktestChoices([.. BacktestProfiles.All.Select(p => p.Name)], BacktestProfiles.Default, history.Bars[0].Date, history.Bars[^1].Date,
            BacktestSetup.DefaultStartingEquity, settings.ApprovalShare, settings.Seed, settings.ResetBreakerNextSession));
    }

    private static async Task<JsonHttpResult<BacktestPage>> RunAsync(
        BacktestGate gate, BacktestHistory market, IConfiguration configuration, PaperBrokerSettings paper,
        BacktestBody? body, CancellationToken cancellationToken)
    {
        using var slot = gate.Enter();
        var profile = ApiInput.Text(body?.Profile, "profile") ?? BacktestProfiles.Default;
        var layered = WithProfile(configuration, profile);
        var configured = BacktestCommand.BacktestSettingsOf(layered);
        var request = new BacktestRequest(
            profile,
            ApiInput.Date(body?.From, "from"),
            ApiInput.Date(body?.To, "to"),
            ApiInput.Text(body?.Underlying, "underlying") ?? "SPY",
            body?.StartingEquity ?? BacktestSetup.DefaultStartingEquity,
            configured with
            {
                ApprovalShare = body?.ApprovalShare ?? configured.ApprovalShare,
                Seed = body?.Seed ?? configured.Seed,
                ResetBreakerNextSession = body?.ResetBreakerNextSession ?? configured.ResetBreakerNextSession,
            });
        var setup = BacktestSetup.Prepare(request, ServiceRegistration.ReadTrading(layered), paper, market.History, market.RealChains);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeLimit);
        try
        {
            // Off the request thread: the in-memory book completes synchronously, so the replay would otherwise hold it.
            var result = await Task.Run(() => setup.Engine.RunAsync(setup.Run, null, limit.Token), limit.Token).ConfigureAwait(false);
            return TypedResults.Json(BacktestPage.Of(result, setup, paper), BacktestPage.Options);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new BacktestTimeLimitException(TimeLimit);
        }
    }

    /// <summary>
    /// The worker's configuration with the profile's settings on top. The CLI puts them under the environment and the
    /// command line; the web process has one configuration, and the page offers no setting of its own to keep above them.
    /// </summary>
    private static IConfiguration WithProfile(IConfiguration configuration, string profile) =>
        BacktestProfiles.Find(profile) is { Settings.Count: > 0 } found
            ? new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(found.Settings).Build()
            : configuration;
}

/// <summary>Body of <c>POST /api/backtest</c>: every field optional (the CLI's defaults, the configured <c>Backtest</c> section); dates as YYYY-MM-DD.</summary>
internal sealed record BacktestBody(
    string? Profile, string? From, string? To, string? Underlying, decimal? StartingEquity, decimal? ApprovalShare, int? Seed, bool? ResetBreakerNextSession);

/// <summary>What <c>GET /api/backtest</c> offers the Backtest page's form.</summary>
internal sealed record BacktestChoices(
    IReadOnlyList<string> Profiles, string DefaultProfile, DateOnly HistoryFrom, DateOnly HistoryTo, decimal StartingEquity,
    decimal ApprovalShare, int Seed, bool ResetBreakerNextSession);
