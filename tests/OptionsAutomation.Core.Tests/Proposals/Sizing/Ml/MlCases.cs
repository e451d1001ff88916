using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Proposals.Sizing.Ml;
using static OptionsAutomation.Core.Tests.Proposals.Sizing.SizingCases;

namespace OptionsAutomation.Core.Tests.Proposals.Sizing.Ml;

/// <summary>The ml tests' trade (the sizing cases' 475/470 spread, proposed 30 days before expiry) and its market.</summary>
internal static class MlCases
{
    public static readonly DateOnly Day = new(2026, 2, 18);

    public static readonly DateTimeOffset AsOf = new(2026, 2, 18, 20, 52, 0, TimeSpan.Zero);

    /// <summary>50 closes of 100, then 102: a 2% move the day before the proposal.</summary>
    public static IReadOnlyList<decimal> Closes { get; } = [.. Enumerable.Repeat(100m, 50), 102m];

    /// <summary>A year of VIX at 20, then 30 the day before.</summary>
    public static IReadOnlyList<decimal> Vix { get; } = [.. Enumerable.Repeat(20m, 251), 30m];

    public static ScreenCandidate Candidate(double? iv = 0.25, double? delta = -0.20) => new(
        Spread,
        new OptionQuote(new OptionContract("SPY", Expiration, OptionRight.Put, 475m), 2.00m, 2.10m, null, AsOf, 490m, iv, delta, null),
        new OptionQuote(new OptionContract("SPY", Expiration, OptionRight.Put, 470m), 0.80m, 0.90m, null, AsOf, 490m, 0.27, -0.15, null),
        0.8m);

    public static MlFeatureResult Features() => MlFeatures.Compute(Candidate(), Day, Closes, Vix);

    /// <summary>Percentiles 0, 0.001, …, 0.1 of a model's in-sample predictions.</summary>
    public static ValueList<double> Percentiles { get; } = new(Enumerable.Range(0, 101).Select(i => i / 1000.0));

    public static SizingModel Model(double prediction, double? score = 0.2, DateTimeOffset? trainedAt = null, IReadOnlyList<string>? names = null) =>
        new(7, trainedAt ?? AsOf.AddDays(-10), score, Percentiles, new ValueList<string>(names ?? MlFeatures.Names), new ConstantModel(prediction));

    /// <summary>A model that predicts one number whatever it is shown: the sizing arithmetic is the subject here, not the forest.</summary>
    public sealed class ConstantModel(double prediction) : IReturnModel
    {
        public double Predict(IReadOnlyList<double> features) => prediction;

        public byte[] Save() => [];
    }
}
