using static OptionsAutomation.Core.Risk.RiskFormat;

namespace OptionsAutomation.Core.Risk;

/// <summary>
/// Checks 1–4: what the order and the account already carry. Percent limits compare exact products
/// (amount × 100 against equity × percent), never a rounded ratio, so a limit is hit exactly at its value.
/// </summary>
internal static class AccountChecks
{
    /// <summary>Equity comes first: without it no percent limit can be judged, so nothing is allowed.</summary>
    public static RiskDenial? OrderNotional(OpeningOrder order, RiskSnapshot snapshot, RiskSettings settings)
    {
        const RiskCheck check = RiskCheck.OrderNotional;
        if (snapshot.Equity is not { } equity || equity <= 0m)
        {
            return RiskDenial.Of(check, RiskDenialCode.NoEquity, ("equity", snapshot.Equity is { } e ? Money(e) : "none"));
        }

        var notional = order.Notional;
        if (notional > settings.MaxOrderNotional)
        {
            return RiskDenial.Of(check, RiskDenialCode.OrderNotionalExceeded,
                ("notional", Money(notional)), ("max", Money(settings.MaxOrderNotional)));
        }

        return notional * 100m > equity * settings.MaxOrderNotionalPercent
            ? RiskDenial.Of(check, RiskDenialCode.OrderNotionalPercentExceeded,
                ("notional", Money(notional)), ("equity", Money(equity)),
                ("percent", Share(notional, equity)), ("max_percent", Percent(settings.MaxOrderNotionalPercent)))
            : null;
    }

    /// <summary>At the limit is full: the order would make one more.</summary>
    public static RiskDenial? MaxPositions(RiskSnapshot snapshot, RiskSettings settings) =>
        snapshot.OpenPositions >= settings.MaxPositions
            ? RiskDenial.Of(RiskCheck.MaxPositions, RiskDenialCode.MaxPositionsReached,
                ("open", Count(snapshot.OpenPositions)), ("max", Count(settings.MaxPositions)))
            : null;

    /// <summary>Reaching the limit is a breach ("stop after a $500 loss"); only realized losses count.</summary>
    public static RiskDenial? DailyLoss(RiskSnapshot snapshot, RiskSettings settings)
    {
        const RiskCheck check = RiskCheck.DailyLoss;
        var loss = Math.Max(0m, -snapshot.RealizedPnlToday);
        if (loss >= settings.MaxDailyLoss)
        {
            return RiskDenial.Of(check, RiskDenialCode.DailyLossLimitReached, ("loss", Money(loss)), ("max", Money(settings.MaxDailyLoss)));
        }

        var equity = KnownEquity(snapshot);
        return loss > 0m && loss * 100m >= equity * settings.MaxDailyLossPercent
            ? RiskDenial.Of(check, RiskDenialCode.DailyLossPercentReached,
                ("loss", Money(loss)), ("equity", Money(equity)),
                ("percent", Share(loss, equity)), ("max_percent", Percent(settings.MaxDailyLossPercent)))
            : null;
    }

    public static RiskDenial? Exposure(OpeningOrder order, RiskSnapshot snapshot, RiskSettings settings)
    {
        const RiskCheck check = RiskCheck.Exposure;
        var after = snapshot.OpenExposure + order.Notional;
        if (after > settings.MaxTotalExposure)
        {
            return RiskDenial.Of(check, RiskDenialCode.ExposureExceeded,
                ("exposure_after", Money(after)), ("max", Money(settings.MaxTotalExposure)));
        }

        var equity = KnownEquity(snapshot);
        return after * 100m > equity * settings.MaxExposurePercent
            ? RiskDenial.Of(check, RiskDenialCode.ExposurePercentExceeded,
                ("exposure_after", Money(after)), ("equity", Money(equity)),
                ("percent", Share(after, equity)), ("max_percent", Percent(settings.MaxExposurePercent)))
            : null;
    }

    // OrderNotional runs first and denies a missing equity; reaching here without one is a bug in the order of checks.
    private static decimal KnownEquity(RiskSnapshot snapshot) =>
        snapshot.Equity is { } equity && equity > 0m
            ? equity
            : throw new InvalidOperationException("equity must be checked before the percent limits.");
}
