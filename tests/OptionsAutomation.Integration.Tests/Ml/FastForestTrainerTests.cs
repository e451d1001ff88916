using OptionsAutomation.Core;
using OptionsAutomation.Core.Proposals.Sizing.Ml;
using OptionsAutomation.Infrastructure.Ml;

namespace OptionsAutomation.Integration.Tests.Ml;

/// <summary>ML.NET's FastForest behind the <c>ml</c> sizing's port: deterministic per seed, saved and loaded to the same predictions.</summary>
public sealed class FastForestTrainerTests
{
    /// <summary>200 trades whose return on risk rises with the first feature and falls with the second, plus a wobble.</summary>
    internal static IReadOnlyList<MlTrainingRow> Rows { get; } = [.. Enumerable.Range(0, 200).Select(i =>
    {
        var (a, b) = ((i * 37 % 100) / 100.0, (i * 53 % 100) / 100.0);
        var features = new ValueList<double>([a, b, .. Enumerable.Repeat(0.5, MlFeatures.Names.Count - 2)]);
        return new MlTrainingRow($"r{i}", new DateOnly(2010, 1, 4).AddDays(i * 7), new DateOnly(2010, 1, 4).AddDays((i * 7) + 30), features,
            (0.1 * a) - (0.05 * b) + (((i * 11) % 7) - 3) / 1000.0);
    })];

    private static readonly FastForestTrainer Trainer = new();

    [Fact]
    public void TheSameSeed_GivesTheSameModel_AnotherSeedAnother()
    {
        var one = Trainer.Train(Rows, seed: 5);
        var two = Trainer.Train(Rows, seed: 5);
        var other = Trainer.Train(Rows, seed: 6);

        var (p1, p2, p3) = (Predictions(one), Predictions(two), Predictions(other));
        Assert.Equal(p1, p2);
        Assert.NotEqual(p1, p3);
        // It learned the signal: a high first feature and a low second predict more than the reverse.
        Assert.True(Predict(one, 0.9, 0.1) > Predict(one, 0.1, 0.9) + 0.05);
    }

    [Fact]
    public void ASavedModel_LoadsToTheSamePredictions()
    {
        var model = Trainer.Train(Rows, seed: 5);

        var loaded = Trainer.Load(model.Save());

        Assert.Equal(Predictions(model), Predictions(loaded));
    }

    private static double[] Predictions(IReturnModel model) => [.. Rows.Select(r => model.Predict(r.Features))];

    private static double Predict(IReturnModel model, double a, double b) =>
        model.Predict([a, b, .. Enumerable.Repeat(0.5, MlFeatures.Names.Count - 2)]);
}
