using System.Globalization;
using OptionsAutomation.Core.Analytics;
using Spectre.Console;

namespace OptionsAutomation.Cli;

/// <summary>
/// What <c>stats</c> and <c>report</c> print for people: name, value and meaning per statistic. Fractions show as
/// percentages and ratios to four places (the JSON keeps full precision); NaN and infinities print as such.
/// </summary>
internal static class PerformanceOutput
{
    public static void ReturnStatistics(ReturnStatistics s)
    {
        var d = s.MaxDrawdown;
        var grid = Grid();
        Row(grid, "periods", Cell(s.Periods), $"{s.PeriodsPerYear} a year, risk-free {Ratio(s.RiskFree)} a period");
        Row(grid, "total_return", Percent(s.TotalReturn), "compounded over the series");
        Row(grid, "annual_return", Percent(s.AnnualReturn), "compound annual growth rate");
        Row(grid, "annual_volatility", Percent(s.AnnualVolatility), "sample standard deviation × √periods a year");
        Row(grid, "sharpe_ratio", Ratio(s.SharpeRatio), "mean excess return ÷ its standard deviation, annualised");
        Row(grid, "sortino_ratio", Ratio(s.SortinoRatio), "annual excess return ÷ downside risk");
        Row(grid, "downside_risk", Percent(s.DownsideRisk), "root mean square shortfall below the risk-free return, annualised");
        Row(grid, "calmar_ratio", Ratio(s.CalmarRatio), "annual return ÷ |max drawdown|");
        Row(grid, "max_drawdown", Percent(d.Depth), $"peak {Cell(d.Peak)}, trough {Cell(d.Trough)}, recovered {Cell(d.Recovery)}");
        Row(grid, "max_drawdown_duration_periods", Cell(d.DurationPeriods), "peak to recovery (or to the end)");
        Row(grid, "max_drawdown_recovery_periods", Cell(d.RecoveryPeriods), "trough to recovery");
        Row(grid, "var_95", Percent(s.ValueAtRisk95), "5th percentile of the returns (historical)");
        Row(grid, "cvar_95", Percent(s.ConditionalValueAtRisk95), "mean of the worst 5% of the returns");
        Row(grid, "skew", Ratio(s.Skew), "biased sample skewness");
        Row(grid, "kurtosis", Ratio(s.Kurtosis), "excess (Fisher) kurtosis, biased");
        Row(grid, "tail_ratio", Ratio(s.TailRatio), "|95th percentile| ÷ |5th percentile|");
        Row(grid, "omega_ratio", Ratio(s.OmegaRatio), $"gains ÷ losses around the risk-free return plus {Percent(s.RequiredReturn)} a year");
        Row(grid, "stability_of_timeseries", Ratio(s.Stability), "R² of a line through the cumulative log returns");
        Row(grid, "ulcer_index", Percent(s.Ulcer.Index), "root mean square drawdown from the running peak");
        Row(grid, "ulcer_performance_index", Ratio(s.Ulcer.PerformanceIndex), "annual excess return ÷ ulcer index");
        var v = s.ValueAtRisk;
        var level = (v.Confidence * 100).ToString("0.##", CultureInfo.InvariantCulture);
        Row(grid, $"var_{level}", $"{Percent(v.Historical)} / {Percent(v.Parametric)}", $"one period's loss at {level}% confidence: historical / normal");
        Row(grid, $"cvar_{level}", $"{Percent(v.HistoricalShortfall)} / {Percent(v.ParametricShortfall)}", "mean loss beyond it: historical / normal");
        AnsiConsole.Write(grid);
    }

    public static void Benchmark(AlphaBeta b)
    {
        var grid = Grid();
        Row(grid, "alpha", Percent(b.Alpha), "annualised return beta does not explain");
        Row(grid, "beta", Ratio(b.Beta), $"sensitivity to the benchmark, over {b.Periods} common period(s)");
        AnsiConsole.Write(grid);
    }

    public static void Rolling(RollingStatistics r)
    {
        var table = new Table().AddColumns("Window ending", $"Sharpe ({r.Window})", $"Max drawdown ({r.Window})");
        foreach (var p in r.Points)
        {
            table.AddRow(Cell(p.Date), Ratio(p.SharpeRatio), Percent(p.MaxDrawdown));
        }

        FittedTable.Write(table);
    }

    public static void Report(PerformanceReport r)
    {
        var curve = r.EquityCurve;
        AnsiConsole.WriteLine(
            $"Performance {Cell(r.From ?? curve.Days.FirstOrDefault()?.Date)} to {Cell(r.To ?? curve.Days.LastOrDefault()?.Date)}: " +
            $"equity {CliOutput.Format(curve.OpeningEquity)} at the close of {Cell(curve.OpeningDate)} → {CliOutput.Format(curve.Closing)}, " +
            $"{curve.Days.Count} day(s)");
        AnsiConsole.WriteLine();
        AnsiConsole.WriteLine("Trades");
        TradeStatistics(r.Trades);
        AnsiConsole.WriteLine();
        AnsiConsole.WriteLine("Daily equity returns");
        ReturnStatistics(r.Returns);
        AnsiConsole.WriteLine();
        Attribution(r.Attribution);
        AnsiConsole.WriteLine();
        ByGreek(r.ByGreek);
    }

    private static void TradeStatistics(TradeStatistics t)
    {
        var grid = Grid();
        Row(grid, "trades", Cell(t.Trades), $"{t.Wins} won, {t.Losses} lost (break-even counts as lost)");
        Row(grid, "win_rate", Cell(t.WinRate), "% of trades won");
        Row(grid, "total_pnl", Cell(t.TotalPnl), $"gross profit {CliOutput.Format(t.GrossProfit)}, gross loss {CliOutput.Format(t.GrossLoss)}");
        Row(grid, "average_win", Cell(t.AverageWin), $"largest {Cell(t.LargestWin)}");
        Row(grid, "average_loss", Cell(t.AverageLoss), $"largest {Cell(t.LargestLoss)}");
        Row(grid, "payoff_ratio", Ratio(t.PayoffRatio), "average win ÷ |average loss|");
        Row(grid, "profit_factor", Ratio(t.ProfitFactor), "gross profit ÷ |gross loss|");
        Row(grid, "expectancy", Cell(t.Expectancy), "mean P&L per trade");
        Row(grid, "holding_days", $"{Days(t.MeanHoldingDays)} mean, {Days(t.MedianHoldingDays)} median", "New York days from entry to close");
        Row(grid, "turnover", t.Turnover is { } turnover ? Ratio(turnover) : "-", $"collateral traded {CliOutput.Format(t.CollateralTraded)} ÷ average equity");
        Row(grid, "max_consecutive", $"{t.MaxConsecutiveWins} wins, {t.MaxConsecutiveLosses} losses", "in close order");
        AnsiConsole.Write(grid);
    }

    private static void Attribution(PnlAttribution a)
    {
        var table = new Table().AddColumns("By", "Key", "Trades", "Wins", "Losses", "P&L");
        foreach (var (by, rows) in new[] { ("ticker", a.ByTicker), ("strategy", a.ByStrategy), ("exit reason", a.ByExitReason), ("month", a.ByMonth) })
        {
            foreach (var row in rows)
            {
                table.AddRow(by, row.Key, Cell(row.Trades), Cell(row.Wins), Cell(row.Losses), Cell(row.Pnl));
            }
        }

        FittedTable.Write(table);
    }

    private static void ByGreek(GreekAttribution g)
    {
        AnsiConsole.WriteLine(
            $"Open positions by Greek: {g.Intervals} position interval(s) over {g.Snapshots} risk snapshot(s) " +
            $"from {Cell(g.FirstSnapshot)} to {Cell(g.LastSnapshot)}" + (g.Skipped > 0 ? $", {g.Skipped} skipped (stored without spot or legs)" : ""));
        var table = new Table().AddColumns("Ticker", "Intervals", "Delta", "Gamma", "Theta", "Vega", "Residual", "Actual");
        foreach (var (ticker, intervals, pnl) in g.ByTicker.Select(r => (r.Ticker, r.Intervals, r.Pnl)).Append(("total", g.Intervals, g.Total)))
        {
            table.AddRow(ticker, Cell(intervals), Cell(pnl.Delta), Cell(pnl.Gamma), Cell(pnl.Theta), Cell(pnl.Vega), Cell(pnl.Residual), Cell(pnl.Actual));
        }

        FittedTable.Write(table);
    }

    private static Grid Grid() => new Grid().AddColumn().AddColumn().AddColumn();

    private static void Row(Grid grid, string name, string value, string meaning) =>
        grid.AddRow(new Text(name, new Style(decoration: Decoration.Bold)), new Text(value), new Text(meaning));

    private static string Cell(object? value) => CliOutput.Format(value);

    private static string Percent(double fraction) =>
        double.IsFinite(fraction) ? (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : Ratio(fraction);

    private static string Ratio(double value) => value switch
    {
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("0.0000", CultureInfo.InvariantCulture),
    };

    private static string Days(double? days) => days is { } d ? d.ToString("0.#", CultureInfo.InvariantCulture) : "-";
}
