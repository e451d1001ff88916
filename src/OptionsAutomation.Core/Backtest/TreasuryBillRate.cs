namespace OptionsAutomation.Core.Backtest;

/// <summary>
/// The 3-month T-bill rate on a date as FRED publishes it (DTB3): percent per year on a bank-discount basis.
/// <see cref="CarriedForward"/> marks a day the source left blank (a bond-market holiday) that holds the previous
/// day's value, so nobody mistakes it for a quote.
/// </summary>
public sealed record TreasuryBillRate(DateOnly Date, decimal DiscountPercent, bool CarriedForward)
{
    /// <summary>13 weeks: the maturity DTB3 quotes.</summary>
    private const double MaturityDays = 91;

    /// <summary>
    /// The continuously compounded ACT/365 rate the pricer takes: a bill bought at 1 − d·91/360 pays 1 after 91 days,
    /// so r = −ln(1 − d·91/360)·365/91 (4.00% discount → 4.08%).
    /// </summary>
    public double ContinuousRate => -Math.Log(1 - ((double)DiscountPercent / 100 * MaturityDays / 360)) * 365 / MaturityDays;
}
