using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// <c>optauto sizing train</c> as a process on the shipped history (2015–2019) into a real Postgres: the walk-forward's
/// <c>out_of_sample</c> block, the versioned <c>sizing_models</c> row, the same seed giving the same model.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class SizingTrainCliTests(PostgresServer server) : CliTestBase(server)
{
    private static readonly string[] Train = ["sizing", "train", "--from", "2015-01-02", "--to", "2019-12-31", "--seed", "4", "--json"];

    [Fact]
    public async Task Train_StoresAVersionedModel_WithItsOutOfSampleScores_TheSameForTheSameSeed()
    {
        var first = (await Cli.RunAsync(Train)).Succeeded().Json();

        var outOfSample = first.GetProperty("out_of_sample");
        var years = outOfSample.GetProperty("years").Items();
        Assert.NotEmpty(years);
        Assert.All(years, y => Assert.InRange(y.Int("year"), 2016, 2019));
        Assert.All(years, y => Assert.True(y.Int("training_rows") >= 30, $"{y.Int("year")} trained on {y.Int("training_rows")} rows"));
        Assert.Equal(years.Sum(y => y.Int("test_rows")), outOfSample.GetProperty("pooled").Int("rows"));
        Assert.Equal((1L, 0L), (first.Int("version"), first.Int("live_rows")));
        Assert.Equal(first.Int("backtest_rows"), first.Int("training_rows"));
        Assert.Equal(outOfSample.GetProperty("pooled").GetProperty("spearman").GetDouble(), first.GetProperty("score").GetDouble());
        Assert.Equal(1, await Db.CountAsync("sizing_models",
            $"version = 1 AND seed = 4 AND from_date = '2015-01-02' AND to_date = '2019-12-31' AND array_length(feature_names, 1) = 10 " +
            $"AND (metrics->'out_of_sample'->'pooled'->>'rows')::int = {outOfSample.GetProperty("pooled").Int("rows")} AND length(model) > 0"));

        var second = (await Cli.RunAsync(Train)).Succeeded().Json();

        Assert.Equal(2L, second.Int("version"));
        Assert.Equal(Compact(outOfSample), Compact(second.GetProperty("out_of_sample")));
        // The final models predict the same: the percentiles of their predictions on all 2015–2019 trades are equal (the
        // bytes differ only in the zip's entry times).
        Assert.True(await Db.ScalarAsync<bool>(
            "SELECT (SELECT metrics->'prediction_percentiles' FROM sizing_models WHERE version = 1) = (SELECT metrics->'prediction_percentiles' FROM sizing_models WHERE version = 2)"));
        Assert.Equal(101, await Db.ScalarAsync<int>("SELECT jsonb_array_length(metrics->'prediction_percentiles') FROM sizing_models WHERE version = 1"));
    }

    [Fact]
    public async Task Sigint_DuringTheReplay_ExitsWith130_AndStoresNothing()
    {
        using var process = Cli.Start("sizing", "train", "--json");
        // The real 2021 chain is loaded, and logged, just before the 26-year replay starts.
        await Cli.WaitUntilLoggedAsync(process, "chain snapshots");

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 130, $"exit code {process.ExitCode}.{Environment.NewLine}{Cli.StartedStderr}");
        Assert.Contains("sizing train stopped: nothing was stored.", Cli.StartedStderr, StringComparison.Ordinal);
        Assert.Empty(Cli.StartedStdout);
        Assert.Equal(0, await Db.CountAsync("sizing_models"));
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);
}
