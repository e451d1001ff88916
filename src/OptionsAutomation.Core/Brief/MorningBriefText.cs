using System.Globalization;
using System.Text;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Core.Brief;

/// <summary>The brief as the chat reads it: one line per underlying, position and limit, the sections in the brief's order.</summary>
public static class MorningBriefText
{
    public static string Of(MorningBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Morning brief {brief.Date:yyyy-MM-dd}\n");
        Market(text, brief);
        Open(text, brief);
        text.Append(brief.ExpiringToday.Count == 0
            ? "Expiring today: none\n"
            : "Expiring today: " + string.Join(", ", brief.ExpiringToday.Select(p => $"#{p.PositionId} {p.Ticker} {p.Strategy} {Strike(p)}")) + "\n");
        Screener(text, brief.Screener);
        Limits(text, brief);
        foreach (var problem in brief.Problems)
        {
            text.Append(CultureInfo.InvariantCulture, $"! {problem}\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    private static void Market(StringBuilder text, MorningBrief brief)
    {
        text.Append("Market:\n");
        foreach (var u in brief.Underlyings)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {u.Symbol} close {Price(u.PreviousClose)}");
            text.Append(u.Change is { } change
                ? string.Create(CultureInfo.InvariantCulture, $", now {Price(u.Last)} ({Signed(change)}, {Signed(u.ChangePercent)}%)\n")
                : $" ({u.Problem})\n");
        }

        if (brief.Vix is { } vix)
        {
            text.Append(CultureInfo.InvariantCulture, $"  VIX {vix.Level:0.00} ({vix.Date:yyyy-MM-dd}), IV rank ");
            text.Append(vix.IvRank is { } rank ? string.Create(CultureInfo.InvariantCulture, $"{rank * 100m:0}%\n") : $"n/a ({vix.RankSessions} of {MarketData.IvRank.Sessions} sessions)\n");
        }
    }

    private static void Open(StringBuilder text, MorningBrief brief)
    {
        text.Append(CultureInfo.InvariantCulture, $"Open: {brief.Open.Count} position(s), unrealized {MoneyText.Signed(brief.UnrealizedPnl)}\n");
        foreach (var p in brief.Open)
        {
            text.Append(CultureInfo.InvariantCulture, $"  #{p.PositionId} {p.Ticker} {p.Strategy} {Strike(p)} x{p.Quantity}");
            if (p.DaysToExpiry is { } dte)
            {
                text.Append(CultureInfo.InvariantCulture, $" {dte} DTE");
            }

            if (p.DistanceToShort is { } distance)
            {
                text.Append(CultureInfo.InvariantCulture, $", {Signed(p.DistanceToShortPercent)}% ({Signed(distance)}) to short");
            }

            text.Append(p.UnrealizedPnl is { } pnl ? $", P&L {MoneyText.Signed(pnl)}" : ", unmarked");
            foreach (var near in p.Near)
            {
                text.Append(CultureInfo.InvariantCulture, $" — near {near.Rule}: {near.Detail}");
            }

            text.Append('\n');
        }
    }

    private static void Screener(StringBuilder text, ScreenerPlan? plan)
    {
        if (plan is null)
        {
            return;
        }

        text.Append(plan.ScreensToday ? "Screener today: " : $"Screener: not today ({plan.EntrySchedule}); ");
        text.Append(CultureInfo.InvariantCulture,
            $"{string.Join(", ", plan.Targets)}; {plan.MinDaysToExpiry}-{plan.MaxDaysToExpiry} DTE, delta {plan.TargetDelta:0.##}, open interest ≥ {plan.MinOpenInterest}\n");
    }

    private static void Limits(StringBuilder text, MorningBrief brief)
    {
        // The signals (informational readings) are for the risk panel; the brief lists the limits that restrict.
        var limits = brief.Limits.Where(l => !l.Informational).ToList();
        if (limits.Count > 0)
        {
            text.Append("Limits used: ").AppendJoin(", ", limits.Select(l => string.Create(CultureInfo.InvariantCulture,
                $"{l.Name} {l.Utilization * 100m:0}%{(l.State == Risk.Portfolio.LimitState.Ok ? "" : " " + l.State.ToCode())}"))).Append('\n');
        }
    }

    private static string Strike(OpenPositionBrief p) => p.ShortStrike is { } s ? Price(s) : "";

    private static string Price(decimal? price) => price is { } p ? MoneyText.Price(p) : "n/a";

    private static string Signed(decimal? value) => value?.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) ?? "n/a";
}
