using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Tests.Support;

namespace OptionsAutomation.Core.Tests.Proposals;

/// <summary>
/// The general settings the putwrite backtest profile is made of — at-the-money strike, monthly expirations only, the
/// monthly roll, hold to expiration — and that each is off by default, so the worker behaves as before.
/// </summary>
public sealed class PutWriteRulesTests
{
    private static readonly NyseCalendar Calendar = new();

    // Friday 2018-11-16, a monthly expiration day; SPY closed at 273.73.
    private static readonly DateOnly RollDay = new(2018, 11, 16);
    private static readonly DateTimeOffset At = new(2018, 11, 16, 20, 50, 0, TimeSpan.Zero);

    // The previous roll, when the positions below opened.
    private static readonly DateTimeOffset Opened = new(2018, 10, 19, 19, 0, 0, TimeSpan.Zero);

    private static readonly ProposalSettings PutWrite = new()
    {
        ShortStrike = ShortStrikeRule.AtOrBelowSpot,
        MonthlyExpirationsOnly = true,
        EntrySchedule = EntrySchedule.MonthlyRoll,
        MinDaysToExpiry = 20,
        MaxDaysToExpiry = 40,
        MinCspCredit = 0m,
    };

    /// <summary>Puts 265–280 on the Weeklys of 11-23 … 12-28 and the monthly 2018-12-21; |delta| 0.50 at 273.</summary>
    private static OptionChain Chain()
    {
        var quotes = new List<OptionQuote>();
        foreach (var expiration in new DateOnly[] { new(2018, 11, 23), new(2018, 11, 30), new(2018, 12, 7), new(2018, 12, 14), new(2018, 12, 21), new(2018, 12, 28) })
        {
            for (var strike = 265m; strike <= 280m; strike += 1m)
            {
                var delta = -(0.50 + ((double)(strike - 273m) * 0.04));
                var mid = 4.00m + ((strike - 273m) * 0.50m);
                quotes.Add(new OptionQuote(new OptionContract("SPY", expiration, OptionRight.Put, strike), mid - 0.02m, mid + 0.02m, null, At, 273.73m, 0.2, delta, 1_000));
            }
        }

        return new OptionChain("SPY", 273.73m, At, quotes);
    }

    [Fact]
    public void AtOrBelowSpot_PicksTheHighestListedStrikeNotAboveTheUnderlying_OnTheNextMonthlyNotTheLaterWeekly()
    {
        var (candidate, denial) = Screener.Screen(Chain(), StrategyType.CashSecuredPut, RollDay, PutWrite, Calendar);

        Assert.Null(denial);
        // 273.73 → 273 (274 is above it); 12-21 (35 days) is the one monthly in 20–40 days.
        Assert.Equal((273m, new DateOnly(2018, 12, 21)), (candidate!.Strategy.ShortStrike, candidate.Strategy.Expiration));
        Assert.Equal(4.00m, candidate.Strategy.Credit);
    }

    [Fact]
    public void AtOrBelowSpot_TakesAStrikeEqualToTheUnderlying()
    {
        var chain = Chain() with { UnderlyingPrice = 274m };

        var (candidate, _) = Screener.Screen(chain, StrategyType.CashSecuredPut, RollDay, PutWrite, Calendar);

        Assert.Equal(274m, candidate!.Strategy.ShortStrike);
    }

    [Fact]
    public void MonthlyOnly_PassesOverALaterWeeklyInTheWindow()
    {
        var wide = PutWrite with { MaxDaysToExpiry = 45 };

        var (monthly, _) = Screener.Screen(Chain(), StrategyType.CashSecuredPut, RollDay, wide, Calendar);
        var (weekly, _) = Screener.Screen(Chain(), StrategyType.CashSecuredPut, RollDay, wide with { MonthlyExpirationsOnly = false }, Calendar);

        // In 20–45 days: 12-07 … 12-28; nearest the max is the 12-28 Weekly (42 days) unless only monthlies count.
        Assert.Equal(new DateOnly(2018, 12, 21), monthly!.Strategy.Expiration);
        Assert.Equal(new DateOnly(2018, 12, 28), weekly!.Strategy.Expiration);
    }

    [Theory]
    [InlineData("2018-11-16", true)]   // third Friday
    [InlineData("2018-11-23", false)]  // a Weekly's Friday
    [InlineData("2022-04-14", true)]   // Good Friday 2022-04-15 is the third Friday: the session before
    [InlineData("2022-04-15", false)]
    [InlineData("2026-06-18", true)]   // Juneteenth 2026 is the third Friday
    public void MonthlyExpiration_IsTheThirdFriday_OrTheSessionBeforeWhenItIsAHoliday(string date, bool monthly) =>
        Assert.Equal(monthly, RollSchedule.IsMonthlyExpiration(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Calendar));

    [Fact]
    public void MonthlyRoll_EntersOnlyOnTheRollDay_AndHandsOnWhatExpiresThatDay()
    {
        var expiring = PositionBuilder.Csp("SPY", 273m, 4.42m).WithExpiration(RollDay).WithId(1).OpenedAt(Opened).Build(Opened) with { UnrealizedPnl = -120m };
        var later = PositionBuilder.Csp("SPY", 260m, 2m).WithExpiration(new DateOnly(2018, 12, 21)).WithId(2).OpenedAt(Opened).Build(Opened) with { UnrealizedPnl = 30m };

        Assert.True(RollSchedule.IsEntryDay(RollDay, PutWrite, Calendar));
        Assert.False(RollSchedule.IsEntryDay(RollDay.AddDays(3), PutWrite, Calendar));
        Assert.Equal([later], RollSchedule.Committed([expiring, later], RollDay, PutWrite));
        // The expiring put's collateral passes on with its loss at the last mark: 100,000 − 120.
        Assert.Equal(99_880m, RollSchedule.EquityAfter(100_000m, RollSchedule.Settling([expiring, later], RollDay, PutWrite)));
        Assert.Null(RollSchedule.EquityAfter(100_000m, [expiring with { UnrealizedPnl = null }]));
    }

    [Fact]
    public void HoldToExpiration_HoldsThroughTheTargetTheStopAndTheLastDay()
    {
        var rules = new ExitRuleSettings { HoldToExpiration = true };
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).WithId(5).WithRules(rules).Build();
        var expiration = position.Expiration!.Value;

        foreach (var (mid, today) in new[] { (0.10m, TestQuotes.Today), (9.00m, TestQuotes.Today), (1.50m, expiration) })
        {
            var mark = PositionMarker.Mark(position, TestQuotes.AtMids(position, mid), TestQuotes.Now, rules);
            var decision = ExitRules.Evaluate(position, mark, today, rules);
            Assert.Equal(ExitDecisionKind.Hold, decision.Decision);
            Assert.StartsWith("held to expiration (ExitRules:HoldToExpiration)", decision.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Defaults_LeaveTheWorkerAsItWas()
    {
        var proposals = new ProposalSettings();
        Assert.Equal((ShortStrikeRule.Delta, false, EntrySchedule.Daily), (proposals.ShortStrike, proposals.MonthlyExpirationsOnly, proposals.EntrySchedule));
        Assert.False(new ExitRuleSettings().HoldToExpiration);
        Assert.True(RollSchedule.IsEntryDay(RollDay.AddDays(3), proposals, Calendar));
        var expiring = PositionBuilder.Csp("SPY", 273m, 4.42m).WithExpiration(RollDay).WithId(1).OpenedAt(Opened).Build(Opened);
        Assert.Equal([expiring], RollSchedule.Committed([expiring], RollDay, proposals));
        Assert.Equal(100_000m, RollSchedule.EquityAfter(100_000m, RollSchedule.Settling([expiring], RollDay, proposals)));
    }

    [Fact]
    public void Validate_RefusesAnUndefinedRule()
    {
        var errors = new ProposalSettings { ShortStrike = (ShortStrikeRule)7, EntrySchedule = (EntrySchedule)9 }.Validate();

        Assert.Contains("Proposals:ShortStrike must be Delta or AtOrBelowSpot, was 7.", errors);
        Assert.Contains("Proposals:EntrySchedule must be Daily or MonthlyRoll, was 9.", errors);
    }
}
