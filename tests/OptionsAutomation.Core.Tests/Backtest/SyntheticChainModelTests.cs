using OptionsAutomation.Core.Backtest;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Tests.Backtest;

public sealed class SyntheticChainModelTests
{
    private static readonly NyseCalendar Calendar = new();
    private static readonly SyntheticChainModel Model = new(ChainModelParameters.Spy2021, Calendar);

    /// <summary>2021-06-01 close 420, VIX 20, r 0.05%; 2021-07-16 is 45 days out.</summary>
    private static readonly MarketDay June1 = new(new DateOnly(2021, 6, 1), 420m, 20m, 0.0005);

    /// <summary>
    /// Expected values computed by hand (Python, math.erfc) from the published formula: σ = VIX/100·exp(Level +
    /// TermSlope·ln(45/30) + Skew·x + Smile·x²), x = ln(K/F)/(VIX/100·√τ), F = S·e^((r−q)τ), then Black–Scholes with q = 0.0134,
    /// and the spread −0.011 + 0.0085·value rounded outwards to the penny.
    /// </summary>
    [Theory]
    [InlineData(OptionRight.Put, 400, 0.2071310951780582, 4.6337701776280085, 4.61, 4.65)]
    [InlineData(OptionRight.Put, 420, 0.1602444282271385, 9.7557686251576, 9.71, 9.80)]
    [InlineData(OptionRight.Call, 440, 0.12898320228245835, 1.43712230454193, 1.43, 1.45)]
    public void Quotes_match_hand_computed_black_scholes(OptionRight right, int strike, double volatility, double value, double bid, double ask)
    {
        var quote = Model.Quote(new OptionContract("SPY", new DateOnly(2021, 7, 16), right, strike), June1);

        Assert.Equal(volatility, quote.ImpliedVolatility!.Value, 12);
        Assert.Equal((decimal)bid, quote.Bid);
        Assert.Equal((decimal)ask, quote.Ask);
        Assert.InRange(value, (double)quote.Bid!.Value, (double)quote.Ask!.Value);
        Assert.Equal(Calendar.SessionOn(June1.Date)!.Close, quote.Timestamp);
    }

    [Fact]
    public void Lower_strikes_carry_higher_volatility_and_the_surface_is_flat_beyond_the_fitted_range()
    {
        var volatilities = new[] { 385m, 395m, 405m, 420m }.Select(k => Model.Volatility(June1, k, 45)).ToList();
        Assert.Equal(volatilities.OrderDescending(), volatilities);
        Assert.Equal(Model.Volatility(June1, 200m, 45), Model.Volatility(June1, 350m, 45));
        Assert.Equal(Model.Volatility(June1, 200m, 20), Model.Volatility(June1, 200m, 7));
    }

    [Fact]
    public void A_chain_lists_puts_and_calls_on_the_dollar_grid_and_is_the_same_every_time()
    {
        var chain = Model.Chain("SPY", June1);
        var again = Model.Chain("SPY", June1);

        Assert.Equal(chain.Quotes, again.Quotes);
        Assert.Equal(420m, chain.UnderlyingPrice);
        Assert.All(chain.Quotes, q => Assert.True(q.Contract.Strike % 1m == 0m && q.Contract.Expiration > June1.Date && q.Bid <= q.Ask));
        Assert.Contains(chain.Quotes, q => q.Contract is { Right: OptionRight.Put, Strike: 400m } && q.Contract.Expiration == new DateOnly(2021, 7, 16));
        Assert.Contains(chain.Quotes, q => q.Contract.Right == OptionRight.Call);
    }

    [Fact]
    public void A_day_that_is_not_a_session_or_an_expired_option_has_no_quote()
    {
        var saturday = June1 with { Date = new DateOnly(2021, 6, 5) };
        Assert.Throws<ArgumentException>(() => Model.Chain("SPY", saturday));
        Assert.Throws<ArgumentException>(() => Model.Quote(new OptionContract("SPY", June1.Date, OptionRight.Put, 400m), June1));
    }
}
