using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;

namespace OptionsAutomation.Core.Proposals.Sizing;

/// <summary>
/// <c>portfolio</c>: the fixed trade budget cut to what the portfolio can still take — exposure headroom under
/// <c>Risk:MaxExposurePercent</c> and the room under <c>MaxCommittedPct</c>, concentration per underlying
/// (<c>MaxUnderlyingPct</c>) and per expiration week (<c>MaxExpirationWeekPct</c>), a cut by <c>CorrelatedCut</c> when
/// a held underlying correlates above <c>Risk:CorrelationThreshold</c>, and the most contracts whose delta-normal
/// portfolio VaR after the trade stays within <c>Risk:MaxVarPercent</c> of equity. When the VaR cannot be measured,
/// <c>fixed</c> sizes the trade and says why (a loss limit is not waived on missing data).
/// </summary>
public static class PortfolioSizing
{
    public static PositionSizingResult Size(
        SizingRequest request, PortfolioRoom room, SizingSettings sizing, RiskSettings risk, PortfolioRiskSettings portfolio, ExitRuleSettings rules)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(room);
        ArgumentNullException.ThrowIfNull(sizing);
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(portfolio);
        var underlying = request.Strategy.Underlying;
        if (room.VarProblem(underlying) is { } problem)
        {
            return FixedSizing.Instead(SizingStrategies.Portfolio, $"portfolio VaR after the trade cannot be measured: {problem}", request, sizing, rules);
        }

        var sheet = new SizingSheet(request, rules);
        var equity = request.Equity;
        var share = sheet.Input("trade_share_pct", SizingSheet.FixedSharePct(sheet.IsSpread, sizing));
        sheet.Input("exposure_on_underlying", room.ExposureOnUnderlying);
        sheet.Input("exposure_in_expiration_week", room.ExposureInExpirationWeek);
        sheet.Input("correlated_held", room.CorrelatedWith.Count);
        var tradeBudget = sheet.Limit("trade_budget", equity * share / 100m);
        sheet.Limit("room", FixedSizing.Room(request, sizing));
        sheet.Limit("exposure_room", (equity * risk.MaxExposurePercent / 100m) - request.Committed);
        sheet.Limit("underlying_room", (equity * sizing.MaxUnderlyingPct / 100m) - room.ExposureOnUnderlying);
        sheet.Limit("expiration_week_room", (equity * sizing.MaxExpirationWeekPct / 100m) - room.ExposureInExpirationWeek);
        if (room.CorrelatedWith.Count > 0)
        {
            sheet.Limit("correlation_cut", tradeBudget * sizing.CorrelatedCut);
        }

        var varLimit = sheet.Step("var_limit", Cents(equity * (decimal)portfolio.MaxVarPercent / 100m));
        var z = NormalQuantile.Of(portfolio.VarConfidence);
        var model = room.Covariance!;
        var exposures = new double[model.Underlyings.Count];
        foreach (var (held, delta) in room.HeldDeltaDollars!)
        {
            exposures[model.IndexOf(held)] += delta;
        }

        sheet.Step("var_before", Cents((decimal)(z * model.Sigma(exposures))));
        // The most contracts within the limit, counting down from what the budget alone would allow: VaR is not
        // monotone in the size when the trade offsets held delta, so each count is measured.
        var index = model.IndexOf(underlying);
        var most = sheet.AtRisk <= 0m ? 0 : (int)Math.Min(decimal.Floor(equity / sheet.AtRisk), 10_000m);
        var fits = 0;
        var varAfter = 0m;
        for (var n = most; n >= 0; n--)
        {
            var after = (double[])exposures.Clone();
            after[index] += n * room.DeltaDollarsPerContract!.Value;
            varAfter = Cents((decimal)(z * model.Sigma(after)));
            if (varAfter <= varLimit)
            {
                fits = n;
                break;
            }
        }

        sheet.Step("var_contracts", fits);
        sheet.Step("var_after_at_var_contracts", varAfter);
        sheet.Limit("var_room", fits * sheet.AtRisk);
        return sheet.Finish(SizingStrategies.Portfolio);
    }

    /// <summary>The Monday of <paramref name="expiration"/>'s week: positions expiring in one week share this key.</summary>
    public static DateOnly ExpirationWeek(DateOnly expiration) =>
        expiration.AddDays(-(((int)expiration.DayOfWeek + 6) % 7));

    private static decimal Cents(decimal dollars) => decimal.Round(dollars, 2, MidpointRounding.AwayFromZero);
}
