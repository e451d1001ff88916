using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Pricing;

namespace OptionsAutomation.Core.Marks;

/// <summary>The volatility a leg is priced at: the quote's IV, else the one its mid implies, else none.</summary>
public static class LegVolatility
{
    /// <returns>Null when the quote has no IV and its mid is missing or outside the no-arbitrage bounds.</returns>
    public static double? Of(OptionContract contract, OptionQuote quote, double years, PricingSettings settings)
    {
        if (quote.ImpliedVolatility is > 0 and var quoted)
        {
            return quoted;
        }

        if (quote.Mid is not { } mid)
        {
            return null;
        }

        // A mid outside the no-arbitrage bounds has no volatility: no Greeks rather than wrong ones.
        return ImpliedVolatility.TrySolve(contract.Right, (double)mid, (double)quote.UnderlyingPrice, (double)contract.Strike, years, settings.RiskFreeRate, settings.DividendYieldOf(contract.Underlying), out var solved, out _)
            ? solved
            : null;
    }
}
