using OptionsAutomation.Core.Marks;
using static OptionsAutomation.Core.Risk.RiskFormat;

namespace OptionsAutomation.Core.Risk;

/// <summary>
/// Check 6, against fat fingers: the limit price must sit within Risk:MaxPriceDeviationPercent of a mid that
/// can be trusted. No quote, an unusable one or a stale one denies: a price cannot be vouched for without one.
/// </summary>
internal static class PriceSanityCheck
{
    private const RiskCheck Check = RiskCheck.PriceSanity;

    public static RiskDenial? Run(OpeningOrder order, RiskSnapshot snapshot, RiskSettings settings, DateTimeOffset now)
    {
        if (snapshot.Quote is not { Mid: { } mid } quote)
        {
            return RiskDenial.Of(Check, RiskDenialCode.NoQuote, ("underlying", order.Underlying));
        }

        var maxAge = TimeSpan.FromMinutes(settings.MaxQuoteAgeMinutes);
        switch (quote.QualityAt(now, maxAge))
        {
            case MarkQuality.Unusable:
                return RiskDenial.Of(Check, RiskDenialCode.QuoteUnusable,
                    ("mid", Price(mid)), ("usable", quote.Usable ? "true" : "false"),
                    ("quoted_at", quote.QuotedAt is { } at ? Instant(at) : "none"));
            case MarkQuality.Stale:
                return RiskDenial.Of(Check, RiskDenialCode.QuoteStale,
                    ("age_minutes", Minutes(now - quote.QuotedAt!.Value)), ("max_minutes", Count(settings.MaxQuoteAgeMinutes)));
        }

        var distance = Math.Abs(order.LimitPrice - mid);
        return distance * 100m > mid * settings.MaxPriceDeviationPercent
            ? RiskDenial.Of(Check, RiskDenialCode.PriceDeviationExceeded,
                ("limit", Price(order.LimitPrice)), ("mid", Price(mid)),
                ("deviation_percent", Share(distance, mid)), ("max_percent", Percent(settings.MaxPriceDeviationPercent)))
            : null;
    }
}
