using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Brief;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Core.Tests.Support;

namespace OptionsAutomation.Core.Tests.Brief;

/// <summary>The brief's numbers against values worked by hand, and its chat text.</summary>
public sealed class MorningBriefTests
{
    // Wednesday 2026-03-11; the previous session is Tuesday 2026-03-10 (its 16:00 close is 20:00Z, EDT).
    private static readonly DateOnly Day = new(2026, 3, 11);
    private static readonly DateOnly Previous = new(2026, 3, 10);
    private static readonly DateTimeOffset PreviousClose = new(2026, 3, 10, 20, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PreMarket = new(2026, 3, 11, 12, 45, 0, TimeSpan.Zero);

    [Fact]
    public void TheOvernightMove_IsTheLatestQuoteLessThePreviousClose()
    {
        var up = UnderlyingMove.Of("SPY", Previous, Quote("SPY", 580.00m, PreviousClose), Quote("SPY", 583.48m, PreMarket));
        var down = UnderlyingMove.Of("QQQ", Previous, Quote("QQQ", 412.50m, PreviousClose), Quote("QQQ", 408.375m, PreMarket));

        // 3.48 / 580 = 0.6%; -4.125 / 412.50 = -1%.
        Assert.Equal((580.00m, 583.48m, 3.48m, 0.60m, (string?)null), (up.PreviousClose, up.Last, up.Change, up.ChangePercent, up.Problem));
        Assert.Equal((-4.125m, -1.00m), (down.Change, down.ChangePercent));
    }

    [Fact]
    public void AMissingCloseOrNoQuoteSinceIt_IsSaid_NotAZeroMove()
    {
        var stale = UnderlyingMove.Of("SPY", Previous, Quote("SPY", 579m, PreviousClose.AddDays(-1)), Quote("SPY", 581m, PreMarket));
        var quiet = UnderlyingMove.Of("SPY", Previous, Quote("SPY", 580m, PreviousClose), Quote("SPY", 580m, PreviousClose));

        Assert.Equal((null, null, "no close of SPY for 2026-03-10 in the market data"), (stale.PreviousClose, stale.Change, stale.Problem));
        Assert.Equal((580m, 580m, null, "no quote since the previous close"), (quiet.PreviousClose, quiet.Last, quiet.Change, quiet.Problem));
    }

    [Fact]
    public void TheVix_IsItsLastCloseWithTheRankOfThatCloseInTheYearBefore()
    {
        // 252 closes: 30 and 15 are the year's high and low, the last is 18: rank (18 - 15) / (30 - 15) = 0.2.
        var closes = Enumerable.Range(0, 252).Select(i => new IndexClose(Day.AddDays(i - 252), i switch { 0 => 30m, 1 => 15m, 251 => 18m, _ => 20m }));

        var (reading, problem) = VixReading.For(new DailyCloses(closes), Day, Previous);

        Assert.Null(problem);
        Assert.Equal(new VixReading(Previous, 18m, 0.2m, 252), reading);
    }

    [Fact]
    public void AVixSeriesShortOfThePreviousSession_IsAProblem_AndAShortYearHasNoRank()
    {
        var stale = VixReading.For(new DailyCloses([new IndexClose(new DateOnly(2026, 3, 6), 21m)]), Day, Previous);
        var young = VixReading.For(new DailyCloses([new IndexClose(Previous, 21m)]), Day, Previous);

        Assert.Equal((null, "VIX: the daily series ends 2026-03-06, no close for 2026-03-10"), stale);
        Assert.Equal((new VixReading(Previous, 21m, null, 1), (string?)null), young);
        Assert.Equal("VIX: no daily closes (data/market/vix_daily.csv)", VixReading.For(DailyCloses.None, Day, Previous).Problem);
    }

    [Fact]
    public void AnOpenPut_ShowsItsDistanceToTheShortStrike_AndTheRulesItIsNear()
    {
        // SPY 580 put sold for 1.50: target 75.00 (50% of 150), stop 300.00 (200%). Expiring 2026-04-06: 26 DTE, 5 days before 21.
        var position = Put(new DateOnly(2026, 4, 6)) with { UnrealizedPnl = 61.00m };

        var brief = OpenPositionBrief.Of(position, 583.48m, Day, new ExitRuleSettings(), new MorningBriefSettings());

        // 583.48 - 580 = 3.48, 3.48 / 583.48 = 0.596% of spot; 61 / 75 = 81.33% of the target.
        Assert.Equal((26, 3.48m, 0.60m, 61.00m), (brief.DaysToExpiry, brief.DistanceToShort, brief.DistanceToShortPercent, brief.UnrealizedPnl));
        Assert.Equal(
            [new ExitProximity("21dte", "5 day(s) before the 21-DTE exit"), new ExitProximity("profit_target", "P&L 61.00 is 81.33% of the target 75.00")],
            brief.Near);
    }

    [Theory]
    [InlineData(-240.00, true)]
    [InlineData(-239.99, false)]
    public void ALossAt80PercentOfTheStop_IsNearIt(double pnl, bool near)
    {
        var position = Put(new DateOnly(2026, 4, 17)) with { UnrealizedPnl = (decimal)pnl };

        var proximity = ExitProximity.Of(position, Day, new ExitRuleSettings(), new MorningBriefSettings());

        Assert.Equal(near ? [new ExitProximity("stop_loss", "loss 240.00 is 80% of the stop 300.00")] : [], proximity);
    }

    [Fact]
    public void UnderHoldToExpiration_NoRuleIsNear()
    {
        var position = Put(new DateOnly(2026, 3, 20)) with { UnrealizedPnl = 74m };

        Assert.Empty(ExitProximity.Of(position, Day, new ExitRuleSettings { HoldToExpiration = true }, new MorningBriefSettings()));
    }

    [Fact]
    public void TheScreenerPlan_SaysWhetherTodayIsAnEntryDay()
    {
        var watchlist = new Dictionary<string, IReadOnlyList<string>> { ["spy"] = ["VPC", "CSP"], ["IWM"] = ["CSP"] };
        var calendar = new NyseCalendar();

        var daily = ScreenerPlan.Of(new ProposalSettings { Watchlist = watchlist }, Day, calendar);
        var roll = ScreenerPlan.Of(new ProposalSettings { Watchlist = watchlist, EntrySchedule = EntrySchedule.MonthlyRoll }, Day, calendar);

        Assert.True(daily.ScreensToday);
        Assert.Equal(["IWM CSP", "SPY CSP", "SPY VPC"], daily.Targets);
        Assert.False(roll.ScreensToday);
    }

    [Fact]
    public void TheChatText_ListsEverySection_AndWhatCouldNotBeRead()
    {
        var put = OpenPositionBrief.Of(Put(new DateOnly(2026, 4, 6)) with { PositionId = 7, UnrealizedPnl = 61.00m }, 583.48m, Day, new ExitRuleSettings(), new MorningBriefSettings());
        var expiring = OpenPositionBrief.Of(Put(Day) with { PositionId = 8 }, 583.48m, Day, new ExitRuleSettings { HoldToExpiration = true }, new MorningBriefSettings());
        var brief = new MorningBrief(
            Day, PreMarket,
            [UnderlyingMove.Of("SPY", Previous, Quote("SPY", 580.00m, PreviousClose), Quote("SPY", 583.48m, PreMarket)),
             UnderlyingMove.Of("QQQ", Previous, null, null)],
            new VixReading(Previous, 18m, 0.2m, 252), [put, expiring], [expiring],
            ScreenerPlan.Of(new ProposalSettings { Watchlist = new Dictionary<string, IReadOnlyList<string>> { ["SPY"] = ["CSP"] } }, Day, new NyseCalendar()),
            [LimitReading.Of("exposure", 112_000m, 200_000m, "USD", 80), LimitReading.Of("daily_loss", 1_800m, 2_000m, "USD", 80),
             LimitReading.Signal("volatility_spike", 1m, 2m, "x", "signal")],
            ["risk: the account's equity is unknown"]);

        var alert = brief.ToAlert();

        Assert.Equal(("morning-brief:2026-03-11", "morning_brief"), (alert.DedupKey, alert.Kind));
        Assert.Equal(
            "Morning brief 2026-03-11\n" +
            "Market:\n" +
            "  SPY close 580.00, now 583.48 (+3.48, +0.60%)\n" +
            "  QQQ close n/a (no close of QQQ for 2026-03-10 in the market data)\n" +
            "  VIX 18.00 (2026-03-10), IV rank 20%\n" +
            "Open: 2 position(s), unrealized +$61.00\n" +
            "  #7 SPY CSP 580.00 x1 26 DTE, +0.60% (+3.48) to short, P&L +$61.00 — near 21dte: 5 day(s) before the 21-DTE exit — near profit_target: P&L 61.00 is 81.33% of the target 75.00\n" +
            "  #8 SPY CSP 580.00 x1 0 DTE, +0.60% (+3.48) to short, unmarked\n" +
            "Expiring today: #8 SPY CSP 580.00\n" +
            "Screener today: SPY CSP; 30-45 DTE, delta 0.25, open interest ≥ 100\n" +
            "Limits used: exposure 56%, daily_loss 90% WARN\n" +
            "! risk: the account's equity is unknown",
            alert.Text);
    }

    private static Positions.Position Put(DateOnly expiration) => PositionBuilder.Csp().WithExpiration(expiration).Build();

    private static UnderlyingQuote Quote(string symbol, decimal last, DateTimeOffset at) => new(symbol, last, null, null, at);
}
