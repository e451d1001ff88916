using OptionsAutomation.Core.Proposals.Sizing.Ml;
using static OptionsAutomation.Core.Tests.Proposals.Sizing.Ml.MlCases;

namespace OptionsAutomation.Core.Tests.Proposals.Sizing.Ml;

public sealed class MlFeaturesTests
{
    [Fact]
    public void Features_AreComputedFromTheSessionsBefore_AndTheQuote()
    {
        var result = Features();

        // vix 30; term 30 ÷ mean of the last 63 (62 × 20 + 30)/63 = 20.158730 → 1.488189; rank (30 − 20)/(30 − 20) = 1;
        // realised vol: 19 zero log returns and ln 1.02 = 0.0198026, sample s.d. = 0.0198026 × √0.05 = 0.0044280, × √252 = 0.070292;
        // trend 102 ÷ (49 × 100 + 102)/50 − 1 = 0.019592; iv 0.25, |Δ| 0.2; dte 2026-03-20 − 2026-02-18 = 30;
        // credit ÷ width 1.20/5 = 0.24; a spread.
        Assert.Null(result.Problem);
        Assert.Equal([30, 1.488189, 1, 0.070292, 0.019592, 0.25, 0.2, 30, 0.24, 1], result.Values!);
    }

    [Fact]
    public void TooFewCloses_OrVix_OrNoDelta_CannotBeComputed()
    {
        Assert.Equal("fewer than 51 daily closes of SPY before 2026-02-18 for its trend and realised volatility",
            MlFeatures.Compute(Candidate(), Day, Closes.Skip(1).ToList(), Vix).Problem);
        Assert.Equal("fewer than 252 VIX closes before 2026-02-18 (the VIX daily series under data/market)",
            MlFeatures.Compute(Candidate(), Day, Closes, Vix.Skip(1).ToList()).Problem);
        Assert.Equal("the short put's quote has no delta", MlFeatures.Compute(Candidate(delta: null), Day, Closes, Vix).Problem);
    }
}
