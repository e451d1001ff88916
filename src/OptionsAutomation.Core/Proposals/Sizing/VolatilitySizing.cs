using OptionsAutomation.Core.Exits;

namespace OptionsAutomation.Core.Proposals.Sizing;

/// <summary>
/// <c>volatility</c>: the fixed trade budget scaled inversely with the underlying's volatility regime — scale =
/// <c>VolatilityMaxScale</c> − rank × (<c>VolatilityMaxScale</c> − <c>VolatilityMinScale</c>), so the calmest day of the
/// range gets the largest size and the wildest the smallest — then the room under <c>MaxCommittedPct</c>. Without
/// enough daily closes to rank the regime, <c>fixed</c> sizes the trade and says why.
/// </summary>
public static class VolatilitySizing
{
    public static PositionSizingResult Size(SizingRequest request, VolatilityRegime? regime, SizingSettings sizing, ExitRuleSettings rules)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sizing);
        if (regime is null)
        {
            return FixedSizing.Instead(SizingStrategies.Volatility,
                $"fewer than {sizing.VolatilityWindowDays + sizing.VolatilityLookbackDays} daily closes of {request.Strategy.Underlying} to rank its volatility",
                request, sizing, rules);
        }

        var sheet = new SizingSheet(request, rules);
        sheet.Input("realized_vol", regime.Current);
        sheet.Input("realized_vol_low", regime.Low);
        sheet.Input("realized_vol_high", regime.High);
        var share = sheet.Input("trade_share_pct", SizingSheet.FixedSharePct(sheet.IsSpread, sizing));
        var rank = sheet.Step("vol_rank", regime.Rank);
        var scale = sheet.Step("scale", sizing.VolatilityMaxScale - (rank * (sizing.VolatilityMaxScale - sizing.VolatilityMinScale)));
        var tradeBudget = sheet.Step("trade_budget", request.Equity * share / 100m);
        sheet.Limit("scaled_budget", tradeBudget * scale);
        sheet.Limit("room", FixedSizing.Room(request, sizing));
        return sheet.Finish(SizingStrategies.Volatility);
    }
}
