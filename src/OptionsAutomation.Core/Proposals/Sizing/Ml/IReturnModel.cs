namespace OptionsAutomation.Core.Proposals.Sizing.Ml;

/// <summary>A trained model of a trade's return on risk from its <see cref="MlFeatures"/>.</summary>
public interface IReturnModel
{
    /// <summary>The predicted return on risk (net P&amp;L ÷ what the trade commits) of a trade with these features.</summary>
    double Predict(IReadOnlyList<double> features);

    /// <summary>The model as bytes the trainer can <see cref="IReturnModelTrainer.Load"/> again.</summary>
    byte[] Save();
}

/// <summary>Trains <see cref="IReturnModel"/>s (the adapter: ML.NET's FastForest). Deterministic per seed.</summary>
public interface IReturnModelTrainer
{
    IReturnModel Train(IReadOnlyList<MlTrainingRow> rows, int seed);

    IReturnModel Load(byte[] bytes);
}
