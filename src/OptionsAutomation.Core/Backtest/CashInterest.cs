namespace OptionsAutomation.Core.Backtest;

/// <summary>
/// Interest on a backtest's cash, as T-bills would earn it: the cash held at a session's close earns that session's
/// 3-month T-bill rate (<see cref="TreasuryBillRate.ContinuousRate"/>, continuously compounded, ACT/365) for the calendar
/// days until the next session, credited at that session to the cent (rounded half away from zero). Cash is the
/// starting equity plus realized P&amp;L plus interest already credited; collateral is part of it (a cash-secured put's
/// collateral sits in bills), open positions' premiums are not (they are owed back on close).
/// </summary>
public static class CashInterest
{
    public static decimal Between(decimal cash, double continuousRate, DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber;
        if (days <= 0 || cash <= 0m)
        {
            return 0m;
        }

        var growth = Math.Exp(continuousRate * days / 365.0) - 1.0;
        return decimal.Round(cash * (decimal)growth, 2, MidpointRounding.AwayFromZero);
    }
}
