using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Tests.Support;

namespace OptionsAutomation.Core.Tests.Marks;

public sealed class PositionMarkerTests
{
    private const string Put580 = "SPY   260320P00580000";
    private const string Put575 = "SPY   260320P00575000";

    private static readonly DateTimeOffset QuotedAt = TestQuotes.QuotedAt;
    private static readonly DateTimeOffset Now = TestQuotes.Now;
    private static readonly ExitRuleSettings Rules = new();

    private static Position Csp() => PositionBuilder.Csp("SPY", 580m, 1.50m).Build();

    private static Position Vpc() => PositionBuilder.Vpc("SPY", 580m, 575m, 1.50m).Build();

    private static OptionContract ShortLeg(Position position) => position.Legs[0].Contract;

    private static OptionContract LongLeg(Position position) => position.Legs[1].Contract;

    private static PositionMark MarkCsp(OptionQuote? quote, DateTimeOffset? now = null, ExitRuleSettings? rules = null) =>
        PositionMarker.Mark(Csp(), [quote], now ?? Now, rules ?? Rules);

    // ---- quotes that cannot price the position ----

    [Fact]
    public void Mark_QuoteForAnotherContract_IsUnusableWithoutPrice()
    {
        var position = Vpc();

        // The two leg quotes swapped: each is a real quote, for the wrong leg.
        var mark = PositionMarker.Mark(position, [TestQuotes.AtMid(LongLeg(position), 0.90m), TestQuotes.AtMid(ShortLeg(position), 2.10m)], Now, Rules);

        Assert.Equal(MarkQuality.Unusable, mark.Quality);
        Assert.Null(mark.Price);
        Assert.Contains($"quote for {Put575} given for {Put580}", mark.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Mark_QuoteStampedAfterTheEvaluationInstant_IsUnusable()
    {
        var mark = MarkCsp(TestQuotes.Quote(ShortLeg(Csp()), 0.70m, 0.80m, Now.AddMinutes(2)));

        Assert.Equal(MarkQuality.Unusable, mark.Quality);
        Assert.Contains("is stamped", mark.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Mark_QuoteStampedWithinTheSkewTolerance_IsFresh()
    {
        Assert.Equal(MarkQuality.Fresh, MarkCsp(TestQuotes.Quote(ShortLeg(Csp()), 0.70m, 0.80m, Now.AddSeconds(30))).Quality);
    }

    [Fact]
    public void Mark_ZeroBid_HasNoPrice()
    {
        var mark = MarkCsp(TestQuotes.Quote(ShortLeg(Csp()), 0m, 0.05m));

        Assert.Equal(MarkQuality.Unusable, mark.Quality);
        Assert.Null(mark.Price);
    }

    [Fact]
    public void Mark_WideSpread_KeepsItsPriceButIsUnusable()
    {
        var mark = MarkCsp(TestQuotes.Quote(ShortLeg(Csp()), 0.50m, 1.00m));

        Assert.Equal(MarkQuality.Unusable, mark.Quality);
        Assert.Equal(0.75m, mark.Price);
    }

    // ---- price ----

    [Fact]
    public void Mark_CspWithTightQuote_IsFreshAtTheMid()
    {
        var position = Csp();
        var quote = TestQuotes.Quote(ShortLeg(position), 0.70m, 0.80m);

        var mark = PositionMarker.Mark(position, [quote], Now, Rules);

        Assert.Equal(0.75m, mark.Price);
        Assert.Equal(MarkQuality.Fresh, mark.Quality);
        Assert.True(mark.IsFresh);
        Assert.Null(mark.Problem);
        Assert.Equal(QuotedAt, mark.QuotedAt);
        Assert.Same(quote, Assert.Single(mark.LegQuotes));
    }

    [Fact]
    public void Mark_WorkedExampleAt350_IsFreshAt350()
    {
        var position = Csp();

        var mark = PositionMarker.Mark(position, [TestQuotes.Quote(ShortLeg(position), 3.40m, 3.60m)], Now, Rules);

        Assert.Equal(3.50m, mark.Price);
        Assert.Equal(MarkQuality.Fresh, mark.Quality);
    }

    [Fact]
    public void Mark_VpcTwoLegs_IsShortMidMinusLongMid()
    {
        var position = Vpc();
        OptionQuote?[] quotes =
        [
            TestQuotes.Quote(ShortLeg(position), 2.05m, 2.15m), // mid 2.10
            TestQuotes.Quote(LongLeg(position), 0.85m, 0.95m),  // mid 0.90
        ];

        var mark = PositionMarker.Mark(position, quotes, Now, Rules);

        Assert.Equal(1.20m, mark.Price);
        Assert.Equal(MarkQuality.Fresh, mark.Quality);
        Assert.Null(mark.Problem);
        Assert.Equal(quotes, mark.LegQuotes);
    }

    [Fact]
    public void Mark_VpcLongLegWorthMoreThanShort_IsNegativeDebit()
    {
        // Nonsense in practice, but the formula must not clamp or swap signs silently.
        var position = Vpc();

        var mark = PositionMarker.Mark(position, TestQuotes.AtMids(position, 0.50m, 0.70m), Now, Rules);

        Assert.Equal(-0.20m, mark.Price);
    }

    [Fact]
    public void Mark_LegRatio_MultipliesThatLegsMid()
    {
        // Short 1 × 580 put (mid 2.10), long 2 × 575 put (mid 0.50): 2.10 − 2 × 0.50 = 1.10.
        var vpc = Vpc();
        var position = vpc with
        {
            Legs = new([vpc.Legs[0], vpc.Legs[1] with { Ratio = 2 }]),
        };

        var mark = PositionMarker.Mark(position, TestQuotes.AtMids(position, 2.10m, 0.50m), Now, Rules);

        Assert.Equal(1.10m, mark.Price);
    }

    [Fact]
    public void Mark_ShortLegRatio_MultipliesTheDebit()
    {
        var csp = Csp();
        var position = csp with { Legs = new([csp.Legs[0] with { Ratio = 3 }]) };

        var mark = PositionMarker.Mark(position, TestQuotes.AtMids(position, 0.75m), Now, Rules);

        Assert.Equal(2.25m, mark.Price);
    }

    [Fact]
    public void Mark_QuantityDoesNotScaleThePerSharePrice()
    {
        var position = PositionBuilder.Csp("SPY", 580m, 1.50m).WithQuantity(5).Build();

        var mark = PositionMarker.Mark(position, TestQuotes.AtMids(position, 0.75m), Now, Rules);

        Assert.Equal(0.75m, mark.Price);
    }

    [Fact]
    public void Mark_QuotedAt_IsTheOldestLegsTimestamp()
    {
        var position = Vpc();
        OptionQuote?[] quotes =
        [
            TestQuotes.AtMid(ShortLeg(position), 2.10m, QuotedAt.AddMinutes(-1)),
            TestQuotes.AtMid(LongLeg(position), 0.90m, QuotedAt.AddMinutes(-7)),
        ];

        var mark = PositionMarker.Mark(position, quotes, Now, Rules);

        Assert.Equal(QuotedAt.AddMinutes(-7), mark.QuotedAt);
        Assert.Equal(MarkQuality.Fresh, mark.Quality);
    }

    [Fact]
    public void Mark_QuotedAt_ComparesInstantsAcrossOffsets()
    {
        // 10:00 New York written with a −05:00 offset is 15:00Z; the 14:58Z quote is the older one.
        var position = Vpc();
        var newYork = new DateTimeOffset(2026, 2, 23, 10, 0, 0, TimeSpan.FromHours(-5));
        OptionQuote?[] quotes =
        [
            TestQuotes.AtMid(ShortLeg(position), 2.10m, newYork),
            TestQuotes.AtMid(LongLeg(position), 0.90m, TestDates.Utc(2026, 2, 23, 14, 58)),
        ];

        var mark = PositionMarker.Mark(position, quotes, Now, Rules);

        Assert.Equal(TestDates.Utc(2026, 2, 23, 14, 58), mark.QuotedAt);
    }

    // ---- unusable ----

    [Fact]
    public void Mark_LegWithoutQuote_IsUnusableWithoutPrice()
    {
        var mark = MarkCsp(null);

        Assert.Equal(MarkQuality.Unusable, mark.Quality);
        Assert.False(mark.IsFresh);
        Assert.Null(mark.Price);
        Assert.Null(mark.QuotedAt);
        Assert.Equal($"no quote for {Put580}", mark.Problem);
    }

    [Fact]
    public void Mark_NullBid_IsUnusable()
    {
        var mark = MarkCsp(TestQuotes.Quote(ShortLeg(Csp()), null, 0.80m));

        Assert.Equal(MarkQuality.Unusable, mark.Quality);
        Assert.Null(mark.Price);
        Assert.Equal($"no bid for {Put580}", mark.Problem);
    }

    [Fact]
    public void Mark_ZeroBid_IsUnusable()
    {
        var mark = MarkCsp(TestQuotes.Quote(ShortLeg(Csp()), 0m, 0.05m));

        Assert.Equal(MarkQuality.Unusable, mark.Quality);
        Assert.Equal($"no bid for {Put580}", mark.Problem);
    }

    [Fact]
    public void Mark_NegativeBid_IsUnusable()
    {
        var mark = MarkCsp(TestQuotes.Quote(ShortLeg(Csp()), -0.05m, 0.05m));

        Assert.Equal(MarkQuality.Unusable, mark.Quality);
        Assert.Equal($"no bid for {Put580}", mark.Problem);
    }

    [Fact]
    public void Mark_NullAsk_IsUnusableWithoutPrice()
    {
        var mark = MarkCsp(TestQuotes.Quote(ShortLeg(Csp()), 0.70m, null));

        Assert.Equal(MarkQuality.Unusable, mark.Quality);
        Assert.Null(mark.Price);
        Assert.Equal($"no ask for {Put580}", mark.Problem);
    }

    [Fact]
    public void Mark_CrossedQuote_IsUnusable()
    {
        var mark = MarkCsp(TestQuotes.Quote(ShortLeg(Csp()), 1.10m, 1.00m));

        Assert.Equal(MarkQuality.Unusable, mark.Quality);
        Assert.Equal($"crossed quote for {Put580} (bid 1.10 > ask 1.00)", mark.Problem);
    }

    [Fact]
    public void Mark_LockedQuote_BidEqualsAsk_IsFresh()
    {
        var mark = MarkCsp(TestQuotes.Quote(ShortLeg(Csp()), 0.75m, 0.75m));

        Assert.Equal(MarkQuality.Fresh, mark.Quality);
        Assert.Equal(0.75m, mark.Price);
    }

    [Fact]
    public void Mark_SpreadExactlyAtLimit_IsFresh()
    {
        // bid 1.70, ask 2.30: mid 2.00, spread 0.60 = 30% of mid, not above 30.
        var mark = MarkCsp(TestQuotes.Quote(ShortLeg(Csp()), 1.70m, 2.30m));

        Assert.Equal(MarkQuality.Fresh, mark.Quality);
        Assert.Equal(2.00m, mark.Price);
        Assert.Null(mark.Problem);
    }

    [Fact]
    public void Mark_SpreadJustAboveLimit_IsUnusable()
    {
        // bid 1.69, ask 2.31: mid 2.00, spread 0.62 = 31% of mid.
        var mark = MarkCsp(TestQuotes.Quote(ShortLeg(Csp()), 1.69m, 2.31m));

        Assert.Equal(MarkQuality.Unusable, mark.Quality);
        Assert.Equal($"spread of {Put580} is 31% of mid (limit 30%)", mark.Problem);
    }

    [Fact]
    public void Mark_WideSpread_ProblemGivesPercentToOneDecimal()
    {
        // bid 1.00, ask 1.40: mid 1.20, spread 0.40 = 33.33% of mid.
        var mark = MarkCsp(TestQuotes.Quote(ShortLeg(Csp()), 1.00m, 1.40m));

        Assert.Equal(MarkQuality.Unusable, mark.Quality);
        Assert.Equal($"spread of {Put580} is 33.3% of mid (limit 30%)", mark.Problem);
    }

    [Fact]
    public void Mark_SpreadLimit_ComesFromSettings()
    {
        // bid 0.70, ask 0.80: spread 0.10 of mid 0.75 = 13.3%; fresh at the default 30, unusable at 10.
        var quote = TestQuotes.Quote(ShortLeg(Csp()), 0.70m, 0.80m);

        var strict = MarkCsp(quote, rules: new ExitRuleSettings { MaxSpreadPct = 10m });

        Assert.Equal(MarkQuality.Fresh, MarkCsp(quote).Quality);
        Assert.Equal(MarkQuality.Unusable, strict.Quality);
        Assert.Equal($"spread of {Put580} is 13.3% of mid (limit 10%)", strict.Problem);
    }

    [Fact]
    public void Mark_OneBadLegOfTwo_MakesTheWholeMarkUnusable()
    {
        var position = Vpc();
        OptionQuote?[] quotes =
        [
            TestQuotes.AtMid(ShortLeg(position), 2.10m),
            TestQuotes.Quote(LongLeg(position), 0m, 0.05m),
        ];

        var mark = PositionMarker.Mark(position, quotes, Now, Rules);

        Assert.Equal(MarkQuality.Unusable, mark.Quality);
        Assert.Equal($"no bid for {Put575}", mark.Problem);
    }

    [Fact]
    public void Mark_VpcLongLegWithoutQuote_HasNoPrice()
    {
        var position = Vpc();

        var mark = PositionMarker.Mark(position, [TestQuotes.AtMid(ShortLeg(position), 2.10m), null], Now, Rules);

        Assert.Equal(MarkQuality.Unusable, mark.Quality);
        Assert.Null(mark.Price);
        Assert.Equal($"no quote for {Put575}", mark.Problem);
    }

    [Fact]
    public void Mark_EveryLegProblem_IsListedInLegOrder()
    {
        var position = Vpc();
        OptionQuote?[] quotes = [null, TestQuotes.Quote(LongLeg(position), 1.10m, 1.00m)];

        var mark = PositionMarker.Mark(position, quotes, Now, Rules);

        Assert.Equal(MarkQuality.Unusable, mark.Quality);
        Assert.Equal($"no quote for {Put580}; crossed quote for {Put575} (bid 1.10 > ask 1.00)", mark.Problem);
    }

    [Fact]
    public void Mark_UnusableWins_OverStale()
    {
        var mark = MarkCsp(TestQuotes.Quote(ShortLeg(Csp()), null, 0.80m, QuotedAt.AddHours(-3)));

        Assert.Equal(MarkQuality.Unusable, mark.Quality);
        Assert.Equal($"no bid for {Put580}", mark.Problem);
    }

    // ---- stale ----

    [Fact]
    public void Mark_ExactlyMaxAgeOld_IsStillFresh()
    {
        var mark = MarkCsp(TestQuotes.AtMid(ShortLeg(Csp()), 0.75m), now: QuotedAt.AddMinutes(10));

        Assert.Equal(MarkQuality.Fresh, mark.Quality);
        Assert.Null(mark.Problem);
    }

    [Fact]
    public void Mark_OneTickOlderThanMaxAge_IsStale()
    {
        var mark = MarkCsp(TestQuotes.AtMid(ShortLeg(Csp()), 0.75m), now: QuotedAt.AddMinutes(10).AddTicks(1));

        Assert.Equal(MarkQuality.Stale, mark.Quality);
        Assert.False(mark.IsFresh);
        Assert.Equal("quotes are 10 min old (limit 10 min)", mark.Problem);
    }

    [Fact]
    public void Mark_Stale_KeepsPriceAndQuoteTime()
    {
        var mark = MarkCsp(TestQuotes.AtMid(ShortLeg(Csp()), 0.75m), now: QuotedAt.AddMinutes(11));

        Assert.Equal(MarkQuality.Stale, mark.Quality);
        Assert.Equal(0.75m, mark.Price);
        Assert.Equal(QuotedAt, mark.QuotedAt);
        Assert.Equal("quotes are 11 min old (limit 10 min)", mark.Problem);
    }

    [Theory]
    [InlineData(630, "quotes are 10.5 min old (limit 10 min)")]
    [InlineData(3_540, "quotes are 59 min old (limit 10 min)")]
    [InlineData(3_600, "quotes are 1 h old (limit 10 min)")]
    [InlineData(5_400, "quotes are 1.5 h old (limit 10 min)")]
    public void Mark_Stale_ProblemStatesTheAge(int ageSeconds, string problem)
    {
        var mark = MarkCsp(TestQuotes.AtMid(ShortLeg(Csp()), 0.75m), now: QuotedAt.AddSeconds(ageSeconds));

        Assert.Equal(MarkQuality.Stale, mark.Quality);
        Assert.Equal(problem, mark.Problem);
    }

    [Fact]
    public void Mark_OneStaleLegOfTwo_MakesTheMarkStale()
    {
        var position = Vpc();
        OptionQuote?[] quotes =
        [
            TestQuotes.AtMid(ShortLeg(position), 2.10m, Now),
            TestQuotes.AtMid(LongLeg(position), 0.90m, Now.AddMinutes(-12)),
        ];

        var mark = PositionMarker.Mark(position, quotes, Now, Rules);

        Assert.Equal(MarkQuality.Stale, mark.Quality);
        Assert.Equal(1.20m, mark.Price);
        Assert.Equal(Now.AddMinutes(-12), mark.QuotedAt);
        Assert.Equal("quotes are 12 min old (limit 10 min)", mark.Problem);
    }

    [Fact]
    public void Mark_MaxAge_ComesFromSettings()
    {
        var rules = new ExitRuleSettings { MaxMarkAgeMinutes = 5 };
        var quote = TestQuotes.AtMid(ShortLeg(Csp()), 0.75m);

        Assert.Equal(MarkQuality.Fresh, MarkCsp(quote, QuotedAt.AddMinutes(5), rules).Quality);
        var stale = MarkCsp(quote, QuotedAt.AddMinutes(6), rules);
        Assert.Equal(MarkQuality.Stale, stale.Quality);
        Assert.Equal("quotes are 6 min old (limit 5 min)", stale.Problem);
    }

    // ---- arguments ----

    [Fact]
    public void Mark_TwoQuotesForOneLeg_Throws()
    {
        var position = Csp();
        OptionQuote?[] quotes = [TestQuotes.AtMid(ShortLeg(position), 0.75m), TestQuotes.AtMid(ShortLeg(position), 0.75m)];

        var e = Assert.Throws<ArgumentException>(() => PositionMarker.Mark(position, quotes, Now, Rules));

        Assert.Equal("legQuotes", e.ParamName);
        Assert.StartsWith("expected 1 leg quotes, got 2.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mark_OneQuoteForTwoLegs_Throws()
    {
        var position = Vpc();

        var e = Assert.Throws<ArgumentException>(() =>
            PositionMarker.Mark(position, [TestQuotes.AtMid(ShortLeg(position), 2.10m)], Now, Rules));

        Assert.Equal("legQuotes", e.ParamName);
        Assert.StartsWith("expected 2 leg quotes, got 1.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mark_NoQuotes_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => PositionMarker.Mark(Csp(), [], Now, Rules));

        Assert.Equal("legQuotes", e.ParamName);
    }
}
