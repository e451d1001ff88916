using OptionsAutomation.Core.Proposals.Sizing.Ml;

namespace OptionsAutomation.Core.Tests.Proposals.Sizing.Ml;

public sealed class MlScoreTests
{
    [Fact]
    public void Score_IsRSquaredMaeAndSpearman()
    {
        // realised 0.1, 0.2, 0.3, 0.4 (mean 0.25, total sum of squares 0.05); predicted 0.1, 0.3, 0.2, 0.2.
        // residuals 0, −0.1, 0.1, 0.2 → SS 0.06, R² = 1 − 0.06/0.05 = −0.2; MAE 0.4/4 = 0.1.
        // ranks: predicted 1, 4, 2.5, 2.5; realised 1, 2, 3, 4 → Pearson of the ranks:
        // deviations (−1.5, 1.5, 0, 0) and (−1.5, −0.5, 0.5, 1.5): 1.5/√(4.5 × 5) = 0.316228.
        var score = MlScore.Of([0.1, 0.3, 0.2, 0.2], [0.1, 0.2, 0.3, 0.4]);

        Assert.Equal(new MlScore(4, -0.2, 0.1, 0.316228), score);
    }

    [Fact]
    public void Undefined_IsNull()
    {
        Assert.Equal(new MlScore(1, null, 0.1, null), MlScore.Of([0.2], [0.1]));
        Assert.Equal(new MlScore(0, null, null, null), MlScore.Of([], []));
    }
}
