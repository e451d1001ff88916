using OptionsAutomation.Core.Backtest;

namespace OptionsAutomation.Core.Tests.Backtest;

public sealed class PutCurveTests
{
    [Fact]
    public void Values_that_are_already_arbitrage_free_come_back_unchanged_and_are_joined_by_straight_lines()
    {
        var curve = PutCurve.Of([80, 85, 90], [1.0, 2.0, 4.0]);

        Assert.Equal(2.0, curve.ValueAt(85));
        Assert.Equal(3.0, curve.ValueAt(87.5));
        Assert.Equal(0.0, curve.ValueAt(0));
    }

    [Fact]
    public void A_lower_strike_priced_above_a_higher_one_is_lowered_onto_the_hull()
    {
        // The first cut's 2008 shape: the 80 put above the 85 put. Hull through (0,0), (85,1.0), (90,3.0).
        var curve = PutCurve.Of([80, 85, 90], [1.3, 1.0, 3.0]);

        Assert.Equal(80.0 / 85.0, curve.ValueAt(80), 12);
        Assert.Equal(1.0, curve.ValueAt(85));
        Assert.Equal(3.0, curve.ValueAt(90));
    }

    [Fact]
    public void A_concave_kink_is_bridged()
    {
        // 2 + 4 < 2·3.5: the middle is lowered to the chord's 3.
        var curve = PutCurve.Of([10, 11, 12], [2.0, 3.5, 4.0]);

        Assert.Equal(3.0, curve.ValueAt(11), 12);
    }

    [Fact]
    public void Strikes_out_of_order_or_negative_values_are_refused()
    {
        Assert.Throws<ArgumentException>(() => PutCurve.Of([85, 80], [1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => PutCurve.Of([80], [-0.1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PutCurve.Of([80], [1.0]).ValueAt(81));
    }
}
