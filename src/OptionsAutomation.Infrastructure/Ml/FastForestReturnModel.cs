using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using OptionsAutomation.Core.Proposals.Sizing.Ml;

namespace OptionsAutomation.Infrastructure.Ml;

/// <summary>
/// The <c>ml</c> sizing's model in ML.NET: a FastForest regression (a random forest of shallow trees, each on a bag of
/// the rows) of return on risk on the features. Small forests for small data: a whole-history backtest has hundreds of
/// trades, not thousands, so trees are shallow (8 leaves) and a leaf holds at least 10 trades (a forest of 30–50 rows,
/// bagged to 70%, still splits). One thread and fixed seeds make a training deterministic.
/// </summary>
public sealed class FastForestTrainer : IReturnModelTrainer
{
    public const int Trees = 100;
    public const int Leaves = 8;
    public const int MinRowsPerLeaf = 10;

    public IReturnModel Train(IReadOnlyList<MlTrainingRow> rows, int seed)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("no rows to train on.", nameof(rows));
        }

        var width = rows[0].Features.Count;
        var context = new MLContext(seed);
        var data = context.Data.LoadFromEnumerable(rows.Select(r => new ReturnRow { Features = [.. r.Features.Select(f => (float)f)], Label = (float)r.ReturnOnRisk }), ReturnRow.Schema(width));
        var trainer = context.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
        {
            NumberOfTrees = Trees,
            NumberOfLeaves = Leaves,
            MinimumExampleCountPerLeaf = MinRowsPerLeaf,
            Seed = seed,
            FeatureSelectionSeed = seed,
            NumberOfThreads = 1,
        });
        return new FastForestReturnModel(context, trainer.Fit(data), data.Schema, width);
    }

    public IReturnModel Load(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var context = new MLContext(0);
        using var stream = new MemoryStream(bytes, writable: false);
        var model = context.Model.Load(stream, out var schema);
        var width = schema["Features"].Type is VectorDataViewType vector ? vector.Size : throw new InvalidDataException("the stored model has no Features vector.");
        return new FastForestReturnModel(context, model, schema, width);
    }
}

/// <summary>A trained forest; predictions are serialised (ML.NET's prediction engine is not thread-safe).</summary>
internal sealed class FastForestReturnModel(MLContext context, ITransformer model, DataViewSchema schema, int width) : IReturnModel
{
    private readonly Lock _gate = new();
    private PredictionEngine<ReturnRow, ReturnPrediction>? _engine;

    public double Predict(IReadOnlyList<double> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count != width)
        {
            throw new ArgumentException($"the model reads {width} features, was given {features.Count}.", nameof(features));
        }

        lock (_gate)
        {
            _engine ??= context.Model.CreatePredictionEngine<ReturnRow, ReturnPrediction>(model, inputSchemaDefinition: ReturnRow.Schema(width));
            return _engine.Predict(new ReturnRow { Features = [.. features.Select(f => (float)f)] }).Score;
        }
    }

    public byte[] Save()
    {
        using var stream = new MemoryStream();
        context.Model.Save(model, schema, stream);
        return stream.ToArray();
    }
}

internal sealed class ReturnRow
{
    public float[] Features { get; set; } = [];

    public float Label { get; set; }

    /// <summary>The row's schema with the feature vector's width fixed, as FastForest requires a known size.</summary>
    public static SchemaDefinition Schema(int width)
    {
        var schema = SchemaDefinition.Create(typeof(ReturnRow));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return schema;
    }
}

internal sealed class ReturnPrediction
{
    public float Score { get; set; }
}
