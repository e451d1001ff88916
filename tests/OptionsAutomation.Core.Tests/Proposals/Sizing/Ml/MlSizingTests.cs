using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Proposals.Sizing;
using OptionsAutomation.Core.Proposals.Sizing.Ml;
using static OptionsAutomation.Core.Tests.Proposals.Sizing.Ml.MlCases;
using static OptionsAutomation.Core.Tests.Proposals.Sizing.SizingCases;

namespace OptionsAutomation.Core.Tests.Proposals.Sizing.Ml;

public sealed class MlSizingTests
{
    private static readonly SizingSettings Settings = new();

    [Fact]
    public void Multiplier_IsTheMinimumPlusThePredictionsRankTimesTheRange()
    {
        var result = MlSizing.Size(Request(), Features(), Model(0.0425), AsOf, Settings, Rules);

        // 43 of the 101 percentiles (0 … 0.042) lie below 0.0425: rank 43/101 = 0.425743;
        // multiplier 0.25 + 0.425743 × (1 − 0.25) = 0.56930725; 2,000 × 0.56930725 = 1,138.6145; / 380 → 2 contracts.
        Assert.Equal(0.425743m, result.Value("prediction_rank"));
        Assert.Equal(0.56930725m, result.Value("multiplier"));
        Assert.Equal(1_138.6145m, result.Value("ml_budget"));
        Assert.Equal(("ml", 2, "ml_budget", (SizingFallback?)null), (result.Strategy, result.Contracts, result.BindingLimit, result.Fallback));
        Assert.Equal([7m, 10m, 0.2m], new[] { result.Value("model_version"), result.Value("model_age_days"), result.Value("model_score") });
        Assert.Equal(30m, result.Value("feature_vix"));
    }

    [Fact]
    public void APredictionEqualToAPercentile_CountsItHalf_AndTheBoundsHold()
    {
        // 50 below and 0.05 itself: (50 + 0.5)/101 = 0.5 → 0.25 + 0.5 × 0.75 = 0.625 → 1,250 → 3 contracts.
        Assert.Equal((0.625m, 3), Sized(0.05));
        // Below every percentile: the minimum, 0.25 → 500 → 1 contract; above every one: the maximum, 1 → fixed's 5.
        Assert.Equal((0.25m, 1), Sized(-0.5));
        Assert.Equal((1m, 5), Sized(0.9));
        // A configured maximum of 2 doubles the top: 4,000 / 380 → 10.
        var result = MlSizing.Size(Request(), Features(), Model(0.9), AsOf, Settings with { Ml = new MlSizingSettings { MaxMultiplier = 2m } }, Rules);
        Assert.Equal((2m, 10), (result.Value("multiplier"), result.Contracts));

        static (decimal, int) Sized(double prediction)
        {
            var result = MlSizing.Size(Request(), Features(), Model(prediction), AsOf, Settings, Rules);
            return (result.Value("multiplier"), result.Contracts);
        }
    }

    [Fact]
    public void EachFallback_SizesAsFixed_AndSaysWhy()
    {
        Assert.Equal("a feature cannot be computed: the short put's quote has no delta",
            Reason(MlFeatures.Compute(Candidate(delta: null), Day, Closes, Vix), Model(0.05)));
        Assert.Equal("no model has been trained (optauto sizing train)", Reason(Features(), null));
        Assert.Equal("model v7 was trained at 2026-02-18 20:53Z, after this sizing's instant: it may have learned from later trades",
            Reason(Features(), Model(0.05, trainedAt: AsOf.AddMinutes(1))));
        Assert.Equal("model v7 is 91 days old, older than Sizing:Ml:MaxModelAgeDays 90", Reason(Features(), Model(0.05, trainedAt: AsOf.AddDays(-91))));
        Assert.Equal("model v7's out-of-sample score -0.2 is below Sizing:Ml:MinOutOfSampleScore 0.1", Reason(Features(), Model(0.05, score: -0.2)));
        Assert.Equal("model v7's out-of-sample score (none: no fold was tested) is below Sizing:Ml:MinOutOfSampleScore 0.1", Reason(Features(), Model(0.05, score: null)));
        Assert.Equal("model v7 gave no usable prediction", Reason(Features(), Model(double.NaN)));
        Assert.StartsWith("model v7 reads features vix,dte, this build computes vix,vix_term", Reason(Features(), Model(0.05, names: ["vix", "dte"])), StringComparison.Ordinal);

        static string Reason(MlFeatureResult features, SizingModel? model)
        {
            var result = MlSizing.Size(Request(), features, model, AsOf, Settings, Rules);
            Assert.Equal(("fixed", 5), (result.Strategy, result.Contracts));
            return Assert.IsType<SizingFallback>(result.Fallback).Reason;
        }
    }

    [Fact]
    public void AFallback_StillRecordsTheFeatures_SoTheTradeCanTrainTheNextModel()
    {
        var result = MlSizing.Size(Request(), Features(), null, AsOf, Settings, Rules);

        Assert.Equal(Features().Values, MlFeatures.Stored(result));
    }
}
