using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;

namespace OptionsAutomation.Core.Tests.Orders;

/// <summary>The step schedule of a price walk against prices computed by hand (net per share, debit positive).</summary>
public sealed class PriceWalkTests
{
    private static readonly TimeSpan Five = TimeSpan.FromSeconds(5);
    private static readonly Func<decimal, decimal> Pennies = _ => 0.01m;

    private static (int, double, decimal)[] Schedule(PriceWalk walk) => [.. walk.Steps.Select(s => (s.Number, s.After.TotalSeconds, s.Limit))];

    [Fact]
    public void Close_WalksFromTheMidToTheAsk_InFourSteps_HalfTicksRoundingTheLessAggressiveWay()
    {
        // Mid 1.00, natural 1.10: raw 1.000, 1.025, 1.050, 1.075, 1.100 → 1.025 and 1.075 are half ticks: down.
        var walk = PriceWalk.Plan(1.00m, 1.10m, 10m, 4, Five, Pennies);

        Assert.Equal([(0, 0, 1.00m), (1, 5, 1.02m), (2, 10, 1.05m), (3, 15, 1.07m), (4, 20, 1.10m)], Schedule(walk));
        Assert.Equal((1.00m, 10m), (walk.Start, walk.Cap));
    }

    [Fact]
    public void Open_WalksTheCreditFromTheMidDownToTheBid()
    {
        // Bid 1.20, ask 1.27 sold: mid credit 1.235, natural 1.20. Raw −1.235, −1.2233, −1.2117, −1.20 → credits 1.24
        // (a half tick: the larger credit), 1.22, 1.21, 1.20.
        var walk = PriceWalk.Plan(-1.235m, -1.20m, -0.50m, 3, Five, Pennies);

        Assert.Equal([(0, 0, -1.24m), (1, 5, -1.22m), (2, 10, -1.21m), (3, 15, -1.20m)], Schedule(walk));
    }

    [Fact]
    public void Open_NeverGoesBelowTheMinimumCredit_RepeatedPricesAreOneStep()
    {
        // Mid credit 0.60, bid 0.40, minimum credit 0.50: 0.60, 0.55, 0.50, then 0.45 and 0.40 are capped at 0.50.
        var walk = PriceWalk.Plan(-0.60m, -0.40m, -0.50m, 4, Five, Pennies);

        Assert.Equal([(0, 0, -0.60m), (1, 5, -0.55m), (2, 10, -0.50m)], Schedule(walk));
        Assert.Equal(-0.50m, walk.Cap);
    }

    [Fact]
    public void ACapBelowTheMid_IsTheOnlyPrice_RoundedDownToItsTick()
    {
        // A VPC minimum credit of 5 × 1/3 = 1.6667 → −1.6667 rounds down to −1.67: never less than the minimum.
        var open = PriceWalk.Plan(-1.50m, -1.30m, -1.6667m, 4, Five, Pennies);
        var close = PriceWalk.Plan(1.10m, 1.30m, 1.037m, 4, Five, Pennies);

        Assert.Equal([(0, 0, -1.67m)], Schedule(open));
        Assert.Equal([(0, 0, 1.03m)], Schedule(close));
    }

    [Fact]
    public void Nickels_FromThreeDollars_ForAListedUnderlying()
    {
        var settings = new PriceWalkSettings { NickelUnderlyings = ["XYZ"] };

        // Mid 3.12, natural 3.30, two steps: 3.12 → 3.10, 3.21 → 3.20, 3.30.
        var walk = PriceWalk.Plan(3.12m, 3.30m, 10m, 2, Five, price => settings.TickFor("XYZ", price));

        Assert.Equal([(0, 0, 3.10m), (1, 5, 3.20m), (2, 10, 3.30m)], Schedule(walk));
        Assert.Equal((0.05m, 0.05m, 0.01m, 0.01m), (settings.TickFor("xyz", -3m), settings.TickFor("XYZ", 3.5m), settings.TickFor("XYZ", 2.99m), settings.TickFor("SPY", 5m)));
    }

    [Fact]
    public void CrossedQuotes_OrNoSteps_LeaveTheMidOnly()
    {
        Assert.Equal([(0, 0, 1.00m)], Schedule(PriceWalk.Plan(1.00m, 0.90m, 10m, 4, Five, Pennies)));
        Assert.Equal([(0, 0, 1.00m)], Schedule(PriceWalk.Plan(1.00m, 1.20m, 10m, 0, Five, Pennies)));
    }

    [Fact]
    public void Settings_AWalkThatOutlastsTheFillTimeout_IsRefused()
    {
        var errors = new ExecutionSettings { FillTimeoutSeconds = 20, PriceWalk = new PriceWalkSettings { Steps = 4, StepSeconds = 5 } }.Validate();

        Assert.Equal(["Execution:PriceWalk:StepSeconds × Steps (4) must end before the fill timeout (20 s), or the last steps never go out, was 5."], errors);
        Assert.Empty(new ExecutionSettings { FillTimeoutSeconds = 20, PriceWalk = new PriceWalkSettings { Enabled = false } }.Validate());
    }

    [Fact]
    public void MinimumCredit_IsTheScreenersRule()
    {
        var settings = new ProposalSettings { MinCspCredit = 0.50m, MinVpcCreditFractionOfWidth = 1m / 3m };

        Assert.Equal((0.50m, 1.67m, 3.33m), (settings.MinimumCredit(StrategyType.CashSecuredPut, 0m), settings.MinimumCredit(StrategyType.VerticalPutCredit, 5m),
            settings.MinimumCredit(StrategyType.VerticalPutCredit, 10m)));
    }
}
