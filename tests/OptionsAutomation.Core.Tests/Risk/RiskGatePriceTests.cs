using OptionsAutomation.Core.Risk;
using static OptionsAutomation.Core.Tests.Risk.RiskFixtures;

namespace OptionsAutomation.Core.Tests.Risk;

/// <summary>Check 5: a fresh, usable quote, and the limit price within Risk:MaxPriceDeviationPercent of its mid.</summary>
public sealed class RiskGatePriceTests : RiskGateTestBase
{
    [Fact]
    public void CheckOpening_NoQuote_FailsClosed()
    {
        var decision = Gate().CheckOpening(Csp(), Healthy() with { Quote = null });

        AssertDenied(decision, RiskCheck.PriceSanity, "NO_QUOTE: underlying=SPY");
    }

    [Fact]
    public void CheckOpening_QuoteWithoutMid_IsNoQuote()
    {
        var decision = Gate().CheckOpening(Csp(), Healthy() with { Quote = new OrderQuote(null, Now, Usable: true) });

        AssertDenied(decision, RiskCheck.PriceSanity, "NO_QUOTE: underlying=SPY");
    }

    [Fact]
    public void CheckOpening_QuoteJudgedUnusable_Denies()
    {
        var decision = Gate().CheckOpening(Csp(), Healthy() with { Quote = new OrderQuote(5.00m, Now, Usable: false) });

        AssertDenied(decision, RiskCheck.PriceSanity, "QUOTE_UNUSABLE: mid=5.00, usable=false, quoted_at=2026-02-23T15:00:00Z");
    }

    [Fact]
    public void CheckOpening_QuoteStampedInTheFuture_IsUnusable()
    {
        var decision = Gate().CheckOpening(Csp(), Healthy() with { Quote = new OrderQuote(5.00m, Now.AddMinutes(2), Usable: true) });

        AssertDenied(decision, RiskCheck.PriceSanity, "QUOTE_UNUSABLE: mid=5.00, usable=true, quoted_at=2026-02-23T15:02:00Z");
    }

    [Fact]
    public void CheckOpening_QuoteWithoutTime_IsUnusable()
    {
        var decision = Gate().CheckOpening(Csp(), Healthy() with { Quote = new OrderQuote(5.00m, null, Usable: true) });

        AssertDenied(decision, RiskCheck.PriceSanity, "QUOTE_UNUSABLE: mid=5.00, usable=true, quoted_at=none");
    }

    [Fact]
    public void CheckOpening_NonPositiveMid_IsUnusable()
    {
        var decision = Gate().CheckOpening(Csp(), Healthy() with { Quote = new OrderQuote(0m, Now, Usable: true) });

        AssertDenied(decision, RiskCheck.PriceSanity, "QUOTE_UNUSABLE: mid=0.00, usable=true, quoted_at=2026-02-23T15:00:00Z");
    }

    [Fact]
    public void CheckOpening_QuoteOlderThanMaxQuoteAge_IsStale()
    {
        var decision = Gate().CheckOpening(Csp(), Healthy() with { Quote = new OrderQuote(5.00m, Now.AddMinutes(-10.5), Usable: true) });

        AssertDenied(decision, RiskCheck.PriceSanity, "QUOTE_STALE: age_minutes=10.5, max_minutes=10");
    }

    [Fact]
    public void CheckOpening_QuoteExactlyMaxQuoteAgeOld_IsFresh()
    {
        AssertAllowed(Gate().CheckOpening(Csp(), Healthy() with { Quote = new OrderQuote(5.00m, Now.AddMinutes(-10), Usable: true) }));
    }

    [Theory]
    [InlineData("5.26", "PRICE_DEVIATION_EXCEEDED: limit=5.26, mid=5.00, deviation_percent=5.2, max_percent=5")]
    [InlineData("4.74", "PRICE_DEVIATION_EXCEEDED: limit=4.74, mid=5.00, deviation_percent=5.2, max_percent=5")]
    [InlineData("9.50", "PRICE_DEVIATION_EXCEEDED: limit=9.50, mid=5.00, deviation_percent=90, max_percent=5")]
    public void CheckOpening_LimitFarFromMid_Denies(string limit, string rendered)
    {
        var credit = decimal.Parse(limit, System.Globalization.CultureInfo.InvariantCulture);

        var decision = Gate().CheckOpening(Csp(credit: credit), Healthy(mid: 5.00m));

        AssertDenied(decision, RiskCheck.PriceSanity, rendered);
    }

    [Theory]
    [InlineData("5.25")]
    [InlineData("4.75")]
    [InlineData("5.00")]
    public void CheckOpening_LimitWithinDeviationOfMid_Allows(string limit)
    {
        var credit = decimal.Parse(limit, System.Globalization.CultureInfo.InvariantCulture);

        AssertAllowed(Gate().CheckOpening(Csp(credit: credit), Healthy(mid: 5.00m)));
    }
}
