namespace OptionsAutomation.Core.Proposals.Sizing.Ml;

/// <summary>
/// Walk-forward by calendar year: the model tested on year Y is trained only on trades that CLOSED before Y's first
/// day, and tested on the trades ENTERED in Y. A trade entered in Y − 1 that closes in Y is in neither set of fold Y
/// (it is tested in Y − 1). Years with fewer than <c>minTrainingRows</c> trades to learn from are skipped: no model.
/// </summary>
public static class MlWalkForward
{
    /// <summary>The rows of fold <paramref name="year"/>: what its model may learn from and what it is tested on.</summary>
    public static (IReadOnlyList<MlTrainingRow> Training, IReadOnlyList<MlTrainingRow> Test) Split(IReadOnlyList<MlTrainingRow> rows, int year)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var firstDay = new DateOnly(year, 1, 1);
        return ([.. rows.Where(r => r.ExitDate < firstDay)], [.. rows.Where(r => r.EntryDate.Year == year)]);
    }

    /// <summary>
    /// Every fold in year order: trained with <paramref name="seed"/>, scored on its test year; then the pooled score of
    /// all out-of-sample predictions together.
    /// </summary>
    public static MlOutOfSample Run(IReadOnlyList<MlTrainingRow> rows, IReturnModelTrainer trainer, int seed, int minTrainingRows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(trainer);
        var folds = new List<MlFold>();
        foreach (var year in rows.Select(r => r.EntryDate.Year).Distinct().Order())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (training, test) = Split(rows, year);
            if (training.Count < minTrainingRows || test.Count == 0)
            {
                continue;
            }

            var model = trainer.Train(training, seed);
            var predicted = test.Select(r => model.Predict(r.Features)).ToArray();
            folds.Add(new MlFold(year, training.Count, MeanLabel(training), Percentiles(model, training), model,
                new ValueList<MlPrediction>(test.Select((r, i) => new MlPrediction(r.RequestId, predicted[i], r.ReturnOnRisk)))));
        }

        return new MlOutOfSample(folds);
    }

    /// <summary>
    /// The 0th, 1st, …, 100th percentiles (nearest rank) of <paramref name="model"/>'s predictions on the rows it learned
    /// from: where a new prediction ranks among them sets its multiplier (<see cref="MlSizing"/>).
    /// </summary>
    public static ValueList<double> Percentiles(IReturnModel model, IReadOnlyList<MlTrainingRow> rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        var sorted = rows.Select(r => Math.Round(model.Predict(r.Features), 6, MidpointRounding.AwayFromZero)).Order().ToArray();
        return new ValueList<double>(Enumerable.Range(0, 101).Select(p => sorted[(int)Math.Round(p / 100.0 * (sorted.Length - 1), MidpointRounding.AwayFromZero)]));
    }

    /// <summary>The mean return on risk of the rows a model learned from (reported: what the average trade earned).</summary>
    public static double MeanLabel(IReadOnlyList<MlTrainingRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Count == 0 ? 0 : Math.Round(rows.Average(r => r.ReturnOnRisk), 6, MidpointRounding.AwayFromZero);
    }
}

/// <summary>One out-of-sample prediction: the trade, what the fold's model predicted and what it realised.</summary>
public sealed record MlPrediction(string RequestId, double Predicted, double Realised);

/// <summary>One walk-forward year: how many rows its model learned from, their mean label, the percentiles of its in-sample predictions, the model and its test predictions.</summary>
public sealed record MlFold(int Year, int TrainingRows, double MeanReturnOnRisk, ValueList<double> PredictionPercentiles, IReturnModel Model, ValueList<MlPrediction> Predictions)
{
    public MlScore Score => MlScore.Of([.. Predictions.Select(p => p.Predicted)], [.. Predictions.Select(p => p.Realised)]);
}

/// <summary>The walk-forward's folds and their pooled score.</summary>
public sealed record MlOutOfSample(IReadOnlyList<MlFold> Folds)
{
    public MlScore Pooled => PooledBefore(int.MaxValue);

    /// <summary>
    /// The pooled score of the folds tested before <paramref name="year"/>: what was known of the method's skill on
    /// <paramref name="year"/>'s first day (every prediction in it came from a model trained before its own year).
    /// </summary>
    public MlScore PooledBefore(int year)
    {
        var predictions = Folds.Where(f => f.Year < year).SelectMany(f => f.Predictions).ToList();
        return MlScore.Of([.. predictions.Select(p => p.Predicted)], [.. predictions.Select(p => p.Realised)]);
    }
}
