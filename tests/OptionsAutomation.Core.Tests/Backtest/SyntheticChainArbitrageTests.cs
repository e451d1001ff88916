using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;

namespace OptionsAutomation.Core.Tests.Backtest;

/// <summary>
/// Issue 13: the synthetic chain is free of static arbitrage at every VIX in the history (9–90), every term out to 60
/// days and every dollar strike from half to one and a half times the close — a deterministic grid, not samples. What
/// is exact and what is within a penny: the model's values are arbitrage-free exactly, and quotes rounded outwards
/// from them keep every trade honest exactly (a put spread or a butterfly bought at the asks and sold at the bids
/// costs at least nothing; bid ≥ 0; mids rise with the strike). A mid lies within half a cent of its value, so the mids'
/// slope bound and butterflies can miss by up to the rounding, and are held to a cent.
/// </summary>
public sealed class SyntheticChainArbitrageTests
{
    private const decimal Rounding = 0.01m;

    private static readonly NyseCalendar Calendar = new();
    private static readonly SyntheticChainModel Model = new(ChainModelParameters.Spy2021, Calendar);

    /// <summary>The session VIX closed at 64 and the first cut's put spread was marked at a credit.</summary>
    private static readonly DateOnly Session = new(2008, 10, 9);

    public static TheoryData<int> VixLevels => [9, 12, 16, 20, 25, 30, 40, 50, 64, 75, 90];

    private static readonly int[] Terms = [1, 2, 3, 5, 7, 10, 14, 21, 30, 45, 60];

    [Theory]
    [MemberData(nameof(VixLevels))]
    public void Puts_rise_with_the_strike_no_faster_than_the_discount_factor_and_convexly(int vix)
    {
        foreach (var (day, days, quotes) in Columns(vix, OptionRight.Put))
        {
            var discount = (decimal)Math.Exp(-day.Rate * days / 365.0);
            for (var i = 1; i < quotes.Count; i++)
            {
                var (lower, higher) = (quotes[i - 1], quotes[i]);
                var at = $"VIX {vix}, {days} days, close {day.Close}, puts {lower.Contract.Strike}/{higher.Contract.Strike}";
                Assert.True(higher.Mid >= lower.Mid, $"{at}: mids {lower.Mid} > {higher.Mid}");
                Assert.True(higher.Ask - lower.Bid >= 0m, $"{at}: the spread bought costs {higher.Ask - lower.Bid}");
                Assert.True(higher.Bid - lower.Ask <= discount, $"{at}: the spread sold takes {higher.Bid - lower.Ask} > {discount}");
                Assert.True(higher.Mid - lower.Mid <= discount + Rounding, $"{at}: mids {higher.Mid - lower.Mid} apart > {discount}");
            }

            AssertConvex(quotes, $"VIX {vix}, {days} days, close {day.Close}, puts");
        }
    }

    [Theory]
    [MemberData(nameof(VixLevels))]
    public void Calls_fall_with_the_strike_no_faster_than_the_discount_factor_and_convexly(int vix)
    {
        foreach (var (day, days, quotes) in Columns(vix, OptionRight.Call))
        {
            var discount = (decimal)Math.Exp(-day.Rate * days / 365.0);
            for (var i = 1; i < quotes.Count; i++)
            {
                var (lower, higher) = (quotes[i - 1], quotes[i]);
                var at = $"VIX {vix}, {days} days, close {day.Close}, calls {lower.Contract.Strike}/{higher.Contract.Strike}";
                Assert.True(lower.Mid >= higher.Mid, $"{at}: mids {lower.Mid} < {higher.Mid}");
                Assert.True(lower.Ask - higher.Bid >= 0m, $"{at}: the spread bought costs {lower.Ask - higher.Bid}");
                Assert.True(lower.Bid - higher.Ask <= discount, $"{at}: the spread sold takes {lower.Bid - higher.Ask} > {discount}");
                Assert.True(lower.Mid - higher.Mid <= discount + Rounding, $"{at}: mids {lower.Mid - higher.Mid} apart > {discount}");
            }

            AssertConvex(quotes, $"VIX {vix}, {days} days, close {day.Close}, calls");
        }
    }

    [Fact]
    public void The_2008_spread_that_halted_the_first_cut_is_a_debit_to_close()
    {
        // 2008-10-09: SPY closed at 91.04 (≈ 909 on the index), VIX 63.92; a 5-wide put spread some 10–15% out.
        var day = new MarketDay(Session, 91.04m, 63.92m, 0.0052);
        var expiration = new DateOnly(2008, 11, 22);
        var lower = Model.Quote(new OptionContract("SPY", expiration, OptionRight.Put, 80m), day);
        var higher = Model.Quote(new OptionContract("SPY", expiration, OptionRight.Put, 85m), day);
        Assert.True(higher.Mid > lower.Mid, $"85 put {higher.Mid}, 80 put {lower.Mid}");
    }

    private static void AssertConvex(IReadOnlyList<OptionQuote> quotes, string at)
    {
        for (var i = 1; i < quotes.Count - 1; i++)
        {
            var (left, middle, right) = (quotes[i - 1], quotes[i], quotes[i + 1]);
            Assert.True(left.Ask + right.Ask - (2 * middle.Bid) >= 0m, $"{at} {middle.Contract.Strike}: the butterfly bought costs {left.Ask + right.Ask - (2 * middle.Bid)}");
            Assert.True(left.Mid + right.Mid - (2 * middle.Mid) >= -Rounding, $"{at} {middle.Contract.Strike}: the mids' butterfly is {left.Mid + right.Mid - (2 * middle.Mid)}");
            Assert.True(middle.Bid >= 0m && middle.Bid <= middle.Ask, $"{at} {middle.Contract.Strike}: bid {middle.Bid}, ask {middle.Ask}");
        }
    }

    /// <summary>For two closes and every term: the quotes of one right at every dollar strike from 50% to 150% of the close.</summary>
    private static IEnumerable<(MarketDay Day, int Days, List<OptionQuote> Quotes)> Columns(int vix, OptionRight right)
    {
        foreach (var close in (decimal[])[91.04m, 420m])
        {
            var day = new MarketDay(Session, close, vix, 0.05);
            foreach (var days in Terms)
            {
                var expiration = Session.AddDays(days);
                var quotes = new List<OptionQuote>();
                for (var strike = Math.Ceiling(close / 2); strike <= Math.Floor(close * 1.5m); strike++)
                {
                    quotes.Add(Model.Quote(new OptionContract("SPY", expiration, right, strike), day));
                }

                yield return (day, days, quotes);
            }
        }
    }
}
