using OptionsAutomation.Core.Proposals.Sizing.Ml;

namespace OptionsAutomation.Core.Tests.Proposals.Sizing.Ml;

public sealed class MlWalkForwardTests
{
    /// <summary>Trades every 20 days from 2019 to 2022, each held 45 days: many close in the year after they opened.</summary>
    private static readonly IReadOnlyList<MlTrainingRow> Rows = [.. Enumerable.Range(0, 73).Select(i =>
    {
        var entry = new DateOnly(2019, 1, 2).AddDays(20 * i);
        return new MlTrainingRow($"r{i}", entry, entry.AddDays(45), new ValueList<double>([i, entry.Month]), (i % 7) / 100.0);
    })];

    [Fact]
    public void EachYearsModel_LearnsOnlyFromTradesClosedBeforeTheYear_AndIsTestedOnTradesEnteredInIt()
    {
        var trainer = new RecordingTrainer();

        var walk = MlWalkForward.Run(Rows, trainer, seed: 3, minTrainingRows: 10, CancellationToken.None);

        // 2019 has no trade closed before it; 2020, 2021 and 2022 have ≥ 10.
        Assert.Equal([2020, 2021, 2022], walk.Folds.Select(f => f.Year));
        foreach (var (fold, trained) in walk.Folds.Zip(trainer.Trained))
        {
            var firstDay = new DateOnly(fold.Year, 1, 1);
            Assert.All(trained, r => Assert.True(r.ExitDate < firstDay && r.EntryDate.Year < fold.Year, $"{r.RequestId} closed {r.ExitDate} is in {fold.Year}'s training set"));
            Assert.Equal(Rows.Where(r => r.ExitDate < firstDay).Select(r => r.RequestId), trained.Select(r => r.RequestId));
            Assert.Equal(Rows.Where(r => r.EntryDate.Year == fold.Year).Select(r => r.RequestId), fold.Predictions.Select(p => p.RequestId));
            Assert.Empty(trained.Select(r => r.RequestId).Intersect(fold.Predictions.Select(p => p.RequestId)));
        }

        // r17, entered 2019-12-08 and closed 2020-01-22: tested in 2019's fold (none), in no 2020 set, learned from in 2021.
        var straddler = Rows.Single(r => r.RequestId == "r17");
        Assert.Equal((new DateOnly(2019, 12, 8), new DateOnly(2020, 1, 22)), (straddler.EntryDate, straddler.ExitDate));
        Assert.DoesNotContain("r17", walk.Folds[0].Predictions.Select(p => p.RequestId));
        Assert.DoesNotContain(straddler, trainer.Trained[0]);
        Assert.Contains(straddler, trainer.Trained[1]);
        Assert.All(trainer.Seeds, s => Assert.Equal(3, s));
    }

    [Fact]
    public void TheScoreKnownOnAYearsFirstDay_PoolsOnlyTheFoldsTestedBefore()
    {
        var walk = MlWalkForward.Run(Rows, new RecordingTrainer(), seed: 3, minTrainingRows: 10, CancellationToken.None);

        Assert.Equal(0, walk.PooledBefore(2020).Rows);
        Assert.Equal(walk.Folds[0].Predictions.Count, walk.PooledBefore(2021).Rows);
        Assert.Equal(walk.Folds.Sum(f => f.Predictions.Count), walk.Pooled.Rows);
        var models = YearlySizingModels.From(walk);
        Assert.Equal(walk.PooledBefore(2022).Spearman, models.ByYear[2022].Score);
        Assert.Equal(new DateTimeOffset(2021, 1, 1, 5, 0, 0, TimeSpan.Zero), models.ByYear[2021].TrainedAt);
    }

    /// <summary>Records the rows each training was given and predicts the first feature: the split is the subject, not the forest.</summary>
    private sealed class RecordingTrainer : IReturnModelTrainer
    {
        public List<IReadOnlyList<MlTrainingRow>> Trained { get; } = [];

        public List<int> Seeds { get; } = [];

        public IReturnModel Train(IReadOnlyList<MlTrainingRow> rows, int seed)
        {
            Trained.Add(rows);
            Seeds.Add(seed);
            return new FirstFeature();
        }

        public IReturnModel Load(byte[] bytes) => new FirstFeature();

        private sealed class FirstFeature : IReturnModel
        {
            public double Predict(IReadOnlyList<double> features) => features[0];

            public byte[] Save() => [];
        }
    }
}
