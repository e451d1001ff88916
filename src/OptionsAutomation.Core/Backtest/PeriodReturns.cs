namespace OptionsAutomation.Core.Backtest;

/// <summary>A calendar month's return: the equity at its last session over the equity at the previous month's last (or the starting equity).</summary>
public sealed record MonthlyReturn(int Year, int Month, double Return);

/// <summary>A calendar year's return, measured as <see cref="MonthlyReturn"/> is, over the year.</summary>
public sealed record YearlyReturn(int Year, double Return);

/// <summary>The backtest's returns per calendar period, from its session equity; a partial first or last period is the part the run covers.</summary>
public static class PeriodReturns
{
    public static IReadOnlyList<MonthlyReturn> Monthly(decimal startingEquity, IReadOnlyList<SessionEquity> equity) =>
        [.. Chained(startingEquity, equity, e => (e.Date.Year, e.Date.Month)).Select(p => new MonthlyReturn(p.Key.Year, p.Key.Month, p.Return))];

    public static IReadOnlyList<YearlyReturn> Yearly(decimal startingEquity, IReadOnlyList<SessionEquity> equity) =>
        [.. Chained(startingEquity, equity, e => e.Date.Year).Select(p => new YearlyReturn(p.Key, p.Return))];

    /// <summary>Each period's last equity over the one before it; the first period starts from the starting equity.</summary>
    private static IEnumerable<(TKey Key, double Return)> Chained<TKey>(decimal startingEquity, IReadOnlyList<SessionEquity> equity, Func<SessionEquity, TKey> period)
    {
        ArgumentNullException.ThrowIfNull(equity);
        var before = startingEquity;
        foreach (var group in equity.GroupBy(period))
        {
            var end = group.Last().Equity;
            yield return (group.Key, before <= 0m ? 0d : (double)(end / before) - 1d);
            before = end;
        }
    }
}
