using OptionsAutomation.Infrastructure.Cards;
using OptionsAutomation.Integration.Tests.Support;
using SkiaSharp;

namespace OptionsAutomation.Integration.Tests.Scorecard;

/// <summary>
/// The scorecard card against a checked-in picture (<c>scorecard-card.golden.png</c>), drawn in the embedded font, so
/// no installed font matters. To regenerate it after a deliberate change of the card, run this test with
/// <c>OPTAUTO_REGENERATE_GOLDEN=1</c> (it writes the file into the source tree and fails, to be run again), look at the
/// picture, and commit it.
/// </summary>
public sealed class ScorecardCardTests
{
    // Antialiasing may round differently across SkiaSharp builds and CPUs: a channel may move a little, a few pixels more.
    private const int ChannelTolerance = 24;
    private const double DifferingShareTolerance = 0.002;

    private static readonly string GoldenFile = Path.Combine(RepositoryRoot.Path, "tests", "OptionsAutomation.Integration.Tests", "Scorecard", "scorecard-card.golden.png");

    [Fact]
    public void TheCard_MatchesTheGoldenPicture_WithinTolerance()
    {
        var png = new ScorecardCard().Png(ScorecardSample.Build());
        if (Environment.GetEnvironmentVariable("OPTAUTO_REGENERATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(GoldenFile, png);
            Assert.Fail($"Golden picture written to {GoldenFile}; look at it, commit it and run the test again without OPTAUTO_REGENERATE_GOLDEN.");
        }

        using var actual = SKBitmap.Decode(png);
        using var golden = SKBitmap.Decode(GoldenFile);

        Assert.Equal((ScorecardCard.Width, ScorecardCard.Height), (actual.Width, actual.Height));
        Assert.Equal((golden.Width, golden.Height), (actual.Width, actual.Height));
        var share = (double)Differing(actual, golden) / (actual.Width * actual.Height);
        Assert.True(share <= DifferingShareTolerance, $"{share:P3} of the pixels differ by more than {ChannelTolerance} in a channel (allowed {DifferingShareTolerance:P1})");
    }

    [Fact]
    public void TheComparison_SeesAChangedFigure()
    {
        var sample = ScorecardSample.Build();
        var changed = sample with { ClosedToday = [.. sample.ClosedToday.Select(t => t with { PnlRealized = t.PnlRealized * 10 })] };
        using var original = SKBitmap.Decode(new ScorecardCard().Png(sample));
        using var other = SKBitmap.Decode(new ScorecardCard().Png(changed));

        Assert.True(Differing(original, other) > original.Width * original.Height * DifferingShareTolerance);
    }

    [Fact]
    public void TheSameScorecard_GivesTheSameBytes() =>
        Assert.Equal(new ScorecardCard().Png(ScorecardSample.Build()), new ScorecardCard().Png(ScorecardSample.Build()));

    private static int Differing(SKBitmap a, SKBitmap b)
    {
        var differing = 0;
        for (var y = 0; y < a.Height; y++)
        {
            for (var x = 0; x < a.Width; x++)
            {
                var p = a.GetPixel(x, y);
                var q = b.GetPixel(x, y);
                if (Math.Abs(p.Red - q.Red) > ChannelTolerance || Math.Abs(p.Green - q.Green) > ChannelTolerance
                    || Math.Abs(p.Blue - q.Blue) > ChannelTolerance || Math.Abs(p.Alpha - q.Alpha) > ChannelTolerance)
                {
                    differing++;
                }
            }
        }

        return differing;
    }
}
