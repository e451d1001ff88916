using OptionsAutomation.Core.Proposals.Sizing.Ml;

namespace OptionsAutomation.Cli;

/// <summary><c>sizing train --json</c>: the stored version and what the training measured (<c>out_of_sample</c>).</summary>
internal sealed record SizingTrainJson(
    int Version, DateTimeOffset TrainedAt, DateOnly From, DateOnly To, int Seed, IReadOnlyList<string> FeatureNames, int TrainingRows, int BacktestRows,
    int LiveRows, int LiveWithoutFeatures, double MeanReturnOnRisk, double? Score, double MinOutOfSampleScore, MlOutOfSampleReport OutOfSample);
