using OptionsAutomation.Core.Exits;

namespace OptionsAutomation.Core.Proposals.Sizing;

/// <summary>
/// <c>fixed</c>: the trade's budget — <c>RiskPerTradePct</c> of equity against a VPC's max loss, or
/// <c>CollateralPerTradePct</c> against a CSP's collateral — but never more than the room left under
/// <c>MaxCommittedPct</c>; contracts = budget ÷ what one contract commits, rounded down.
/// </summary>
public static class FixedSizing
{
    public static PositionSizingResult Size(SizingRequest request, SizingSettings sizing, ExitRuleSettings rules)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sizing);
        var sheet = new SizingSheet(request, rules);
        var share = sheet.Input("trade_share_pct", SizingSheet.FixedSharePct(sheet.IsSpread, sizing));
        sheet.Limit("trade_budget", request.Equity * share / 100m);
        sheet.Limit("room", Room(request, sizing));
        return sheet.Finish(SizingStrategies.Fixed);
    }

    /// <summary>What is left under <c>MaxCommittedPct</c> of equity after what is already committed, dollars.</summary>
    internal static decimal Room(SizingRequest request, SizingSettings sizing) =>
        (request.Equity * sizing.MaxCommittedPct / 100m) - request.Committed;

    /// <summary><c>fixed</c>'s result, marked as standing in for <paramref name="from"/> for <paramref name="reason"/>.</summary>
    public static PositionSizingResult Instead(string from, string reason, SizingRequest request, SizingSettings sizing, ExitRuleSettings rules) =>
        Size(request, sizing, rules) with { Fallback = new SizingFallback(from, reason) };
}
