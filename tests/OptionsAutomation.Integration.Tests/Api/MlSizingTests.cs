using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Proposals.Sizing.Ml;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Integration.Tests.Cli;
using OptionsAutomation.Integration.Tests.Support;
using OptionsAutomation.Web.Metrics;

namespace OptionsAutomation.Integration.Tests.Api;

/// <summary>
/// The worker's <c>ml</c> sizing end to end: a model trained by <c>optauto sizing train</c> into Postgres, the worker's
/// screener (real SPY 2021 chain, 2021-06-01) sizing by it, <c>sizing explain</c> showing the steps, and the model's
/// age and score on <c>/metrics</c>; a version stored later is loaded by the next sizing.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class MlSizingTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Screen = new(2021, 6, 1, 20, 0, 0, TimeSpan.Zero);

    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task TheScreener_SizesByTheNewestModel_ExplainShowsTheSteps_AndMetricsShowItsAgeAndScore()
    {
        using var cli = new OptautoProcess(_db.ConnectionString);
        (await cli.RunAsync(["sizing", "train", "--from", "2012-01-03", "--to", "2019-12-31", "--json"])).Succeeded();
        // Dated a month before the screen (a model trained after it could have learned from its future).
        await _db.ExecuteAsync("UPDATE sizing_models SET trained_at = '2021-05-01T20:00:00Z'");
        // Any score is trusted here (the real one is below the default threshold: docs/sizing.md), and the multiplier kept
        // within [0.9, 1] so the $42,000 CSP still fits half of $100,000.
        var sizing = new SizingSettings { Strategy = "ml", Ml = new MlSizingSettings { MinOutOfSampleScore = -1, MinMultiplier = 0.9m } };
        await using var api = await ApiHarness.StartAsync(_db, replaceServices: services =>
        {
            services.AddSingleton(sizing);
            services.AddSingleton<TimeProvider>(new RealTimersClock(Screen));
        });

        var run = await api.Get<ProposalService>().RunAsync(Screen, CancellationToken.None);

        var result = Assert.Single(run.Sizings);
        var proposal = Assert.Single(run.Proposals);
        Assert.Equal(("ml", null), (result.Strategy, result.Fallback));
        Assert.Equal(1m, result.Value("model_version"));
        Assert.Equal(31m, result.Value("model_age_days"));
        Assert.Equal(0.9m + (result.Value("prediction_rank") * 0.1m), result.Value("multiplier"));

        var explained = (await cli.RunAsync(["sizing", "explain", proposal.RequestId])).Succeeded().Stdout;
        Assert.Contains($"Sizing: ml: {result.Contracts} contract(s), bound by {result.BindingLimit}", explained, StringComparison.Ordinal);
        foreach (var step in new[] { "feature_vix", "model_score", "predicted_return_on_risk", "prediction_rank", "multiplier", "ml_budget" })
        {
            Assert.Contains(step, explained, StringComparison.Ordinal);
        }

        api.Get<AppMetrics>().Sized(result);
        using var response = await api.Http.GetAsync("/metrics");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        Assert.Contains("optauto_sizing_model_age_days{version=\"1\"} 31", lines);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"optauto_sizing_model_score{{version=\"1\"}} {result.Value("model_score")}"), lines);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"optauto_sizing_model_multiplier{{version=\"1\"}} {result.Value("multiplier")}"), lines);

        // A newer version stored while the worker runs is the one its next sizing loads.
        var models = api.Get<ISizingModels>();
        Assert.Equal(1, (await models.CurrentAsync(Screen, CancellationToken.None))!.Version);
        (await cli.RunAsync(["sizing", "train", "--from", "2012-01-03", "--to", "2019-12-31", "--seed", "2", "--json"])).Succeeded();
        Assert.Equal(2, (await models.CurrentAsync(Screen, CancellationToken.None))!.Version);
    }
}
