using System.Globalization;
using System.Text.Json;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Pricing;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Json;
using Spectre.Console;

namespace OptionsAutomation.Cli;

/// <summary>What the verbs print: JSON for machines, Spectre tables for people. Money prints unrounded.</summary>
internal static class CliOutput
{
    /// <summary>Width of redirected output without <c>COLUMNS</c>: a position or proposal row fits; wider tables print as blocks.</summary>
    public const int RedirectedWidth = 160;

    static CliOutput()
    {
        // Piped output (scripts, tests) gets plain text at COLUMNS when the caller set it, else a fixed width.
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Out = new AnsiConsoleOutput(Console.Out),
            });
            AnsiConsole.Profile.Width = ColumnsVariable() ?? RedirectedWidth;
        }
    }

    /// <summary>Columns text may use: the terminal's width, or that of redirected output.</summary>
    public static int Width => AnsiConsole.Profile.Width;

    private static int? ColumnsVariable() =>
        int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns is >= 20 and <= 1000
            ? columns
            : null;

    public static void Json<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, DomainJson.Indented));

    public static void Warn(string message) => Console.Error.WriteLine($"warning: {message}");

    public static void Note(string message) => Console.Error.WriteLine(message);

    /// <param name="rolls">its roll chain, printed when given (<c>positions show</c>).</param>
    public static void PositionDetail(Position p, RollLinks? rolls = null) => Detail([
        ("position_id", p.PositionId),
        ("request_id", p.RequestId),
        ("ticker", p.Ticker),
        ("strategy_type", p.StrategyType.ToCode()),
        ("status", p.Status.ToCode()),
        ("legs", string.Join(", ", p.Legs.Select(l => $"{l.Side.ToCode()} {l.Contract.OccSymbol}"))),
        ("expiration", p.Expiration),
        ("quantity", p.Quantity),
        ("entry_date", p.EntryDate),
        ("entry_price", p.EntryPrice),
        ("fees", p.Fees),
        ("profit_target", p.ProfitTarget),
        ("stop_loss", p.StopLoss),
        ("max_loss", p.MaxLoss),
        ("collateral", p.Collateral),
        ("mark_price", p.MarkPrice),
        ("unrealized_pnl", p.UnrealizedPnl),
        ("exit_date", p.ExitDate),
        ("exit_price", p.ExitPrice),
        ("exit_reason", p.ExitReason?.ToCode()),
        ("realized_pnl", p.RealizedPnl),
        ("pnl_percent", p.PnlPercent),
        ("days_held", p.DaysHeld),
        ("notes", p.Notes),
        ("last_updated", p.LastUpdated),
        .. rolls is null ? [] : new (string, object?)[] { ("rolled_from_position_id", rolls.RolledFromPositionId), ("rolled_to_position_id", rolls.RolledToPositionId) }]);

    public static void PositionTable(IReadOnlyList<Position> positions)
    {
        var table = new Table().AddColumns("ID", "Ticker", "Strategy", "Status", "Expiration", "Strikes", "Qty", "Credit", "Target", "Stop", "Realized");
        foreach (var p in positions)
        {
            table.AddRow(
                Cell(p.PositionId), Cell(p.Ticker), Cell(p.StrategyType.ToCode()), Cell(p.Status.ToCode()), Cell(p.Expiration),
                Cell(p.LongStrike is { } l ? $"{Format(p.ShortStrike)}/{Format(l)}" : Format(p.ShortStrike)),
                Cell(p.Quantity), Cell(p.EntryPrice), Cell(p.ProfitTarget), Cell(p.StopLoss), Cell(p.RealizedPnl));
        }

        FittedTable.Write(table);
        AnsiConsole.WriteLine($"{positions.Count} position(s)");
    }

    /// <summary>An emergency reduction: one row per position with its outcome, then the trading state it left.</summary>
    public static void ReductionTable(ReductionResult result)
    {
        var table = new Table().AddColumns("ID", "Ticker", "Strategy", "Outcome", "Realized", "Detail");
        foreach (var p in result.Positions)
        {
            table.AddRow(Cell(p.PositionId), Cell(p.Ticker), Cell(p.StrategyType.ToCode()), Cell(p.Outcome.ToCode()), Cell(p.RealizedPnl), Cell(p.Detail));
        }

        FittedTable.Write(table);
        AnsiConsole.WriteLine($"{result.Positions.Count} position(s); trading {result.TradingState.ToCode()}{(result.StateChanged ? " (set by this run)" : "")}");
    }

    /// <summary>The fills booked to a position, oldest first, each with its order and commission.</summary>
    public static void FillTable(IReadOnlyList<OrderFillRecord> fills)
    {
        var table = new Table().AddColumns("Filled (UTC)", "Order", "Fill", "Symbol", "Side", "Qty", "Price", "Fee");
        foreach (var f in fills)
        {
            table.AddRow(
                Cell(f.FilledAt), Cell(f.ClientOrderId), Cell(f.BrokerFillId), Cell(f.Symbol), Cell(f.Side.ToCode()), Cell(f.Quantity), Cell(f.Price), Cell(f.Fee));
        }

        FittedTable.Write(table);
        AnsiConsole.WriteLine($"{fills.Count} fill(s)");
    }

    public static void TradeTable(IReadOnlyList<TradeRecord> trades)
    {
        var table = new Table().AddColumns("Trade", "Position", "Ticker", "Strategy", "Closed (UTC)", "Entry", "Exit", "Qty", "P&L", "%", "Result", "Reason", "By");
        foreach (var t in trades)
        {
            table.AddRow(
                Cell(t.TradeId), Cell(t.PositionId), Cell(t.Ticker), Cell(t.StrategyType.ToCode()), Cell(t.ClosedAt), Cell(t.EntryPrice),
                Cell(t.ExitPrice), Cell(t.Quantity), Cell(t.PnlRealized), Cell(t.PnlPercent), Cell(t.WinLoss.ToCode()),
                Cell(t.ExitReason.ToCode()), Cell(t.ExecutedBy.ToCode()));
        }

        FittedTable.Write(table);
        AnsiConsole.WriteLine($"{trades.Count} trade(s)");
    }

    public static void DailyPnlTable(IReadOnlyList<DailyPnl> days)
    {
        var table = new Table().AddColumns("Date (ET)", "Ticker", "Trades", "Wins", "Losses", "Win rate %", "Total P&L", "Avg P&L");
        foreach (var d in days)
        {
            table.AddRow(Cell(d.TradeDate), Cell(d.Ticker), Cell(d.TradesCount), Cell(d.Wins), Cell(d.Losses), Cell(d.WinRate), Cell(d.TotalPnl), Cell(d.AvgPnl));
        }

        FittedTable.Write(table);
    }

    public static void SessionTable(IReadOnlyList<TradingSession> sessions)
    {
        var table = new Table().AddColumns("Date", "Day", "Open (ET)", "Close (ET)", "Open (UTC)", "Close (UTC)", "Early close");
        foreach (var s in sessions)
        {
            table.AddRow(
                Cell(s.Date), Cell(s.Date.DayOfWeek.ToString()[..3]), Cell(EtTime(s.OpenEt)), Cell(EtTime(s.CloseEt)),
                Cell(UtcTime(s.Open)), Cell(UtcTime(s.Close)), Cell(s.EarlyClose ? "yes" : ""));
        }

        FittedTable.Write(table);
        AnsiConsole.WriteLine($"{sessions.Count} session(s)");
    }

    public static void HolidayTable(IReadOnlyList<MarketHoliday> holidays)
    {
        var table = new Table().AddColumns("Date", "Day", "Closed for");
        foreach (var h in holidays)
        {
            table.AddRow(Cell(h.Date), Cell(h.Date.DayOfWeek.ToString()[..3]), Cell(h.Name));
        }

        FittedTable.Write(table);
        AnsiConsole.WriteLine($"{holidays.Count} holiday(s)");
    }

    /// <summary>One row per instrument, then every fill that realized P&amp;L (for a flip, its closing part).</summary>
    public static void LedgerTables(LedgerBook book)
    {
        var positions = new Table().AddColumns("Symbol", "Qty", "Avg price", "Realized (gross)", "Fees", "Net realized");
        var realizing = new Table().AddColumns("Symbol", "Time (UTC)", "Side", "Qty", "Price", "Realized");
        foreach (var (ledger, fills) in book.Instruments)
        {
            positions.AddRow(
                Cell(ledger.Symbol), Cell(ledger.Quantity), Cell(ledger.AveragePrice), Cell(ledger.RealizedPnl), Cell(ledger.Fees), Cell(ledger.NetRealizedPnl));
            foreach (var f in fills)
            {
                realizing.AddRow(Cell(ledger.Symbol), Cell(f.Time), Cell(f.Side.ToCode()), Cell(f.Quantity), Cell(f.Price), Cell(f.RealizedPnl));
            }
        }

        FittedTable.Write(positions);
        FittedTable.Write(realizing);
        AnsiConsole.WriteLine($"{book.Instruments.Count} symbol(s), {realizing.Rows.Count} realizing fill(s), realized P&L by {book.Method.ToCode()}");
    }

    public static void Metrics(PerformanceMetrics m) => Detail(
        ("total_trades", m.TotalTrades),
        ("total_wins", m.TotalWins),
        ("total_losses", m.TotalLosses),
        ("win_rate", m.WinRate),
        ("total_pnl", m.TotalPnl),
        ("avg_pnl_per_trade", m.AvgPnlPerTrade),
        ("max_loss", m.MaxLoss),
        ("max_win", m.MaxWin),
        ("pnl_stddev", m.PnlStddev));

    /// <summary>A valuation with the unit of each figure (those of <see cref="OptionValuation"/>), unrounded.</summary>
    public static void Valuation(OptionValuation v, double? impliedVolatility)
    {
        var grid = new Grid().AddColumn().AddColumn().AddColumn();
        if (impliedVolatility is { } sigma)
        {
            AddRow(grid, "implied_vol", sigma, "per year (0.2 = 20%)");
        }

        AddRow(grid, "price", v.Price, "per share");
        AddRow(grid, "delta", v.Delta, "per 1 move of the underlying");
        AddRow(grid, "gamma", v.Gamma, "change of delta per 1 move of the underlying");
        AddRow(grid, "vega", v.Vega, "per vol point (volatility + 0.01)");
        AddRow(grid, "theta", v.Theta, "per calendar day");
        AddRow(grid, "rho", v.Rho, "per 1% of rate (rate + 0.01)");
        AnsiConsole.Write(grid);

        static void AddRow(Grid grid, string name, double value, string unit) =>
            grid.AddRow(new Text(name, new Style(decoration: Decoration.Bold)), new Text(Format(value)), new Text(unit));
    }

    /// <summary>A two-column name/value listing.</summary>
    private static void Detail(params (string Name, object? Value)[] rows)
    {
        var grid = new Grid().AddColumn().AddColumn();
        foreach (var (name, value) in rows)
        {
            grid.AddRow(new Text(name, new Style(decoration: Decoration.Bold)), new Text(Format(value)));
        }

        AnsiConsole.Write(grid);
    }

    public static Text Cell(object? value) => new(Format(value));

    /// <summary>New York clock time with the day's offset (13:00 -05:00); the date has its own column.</summary>
    private static string EtTime(DateTimeOffset t) => t.ToString("HH:mm zzz", CultureInfo.InvariantCulture);

    private static string UtcTime(DateTimeOffset t) => t.UtcDateTime.ToString("HH:mm'Z'", CultureInfo.InvariantCulture);

    /// <summary>At least two decimals, more only when the value has them (1.5 → 1.50, 61.725 → 61.725).</summary>
    private static string Money(decimal value)
    {
        var rounded = decimal.Round(value, 2);
        return rounded == value
            ? rounded.ToString("0.00", CultureInfo.InvariantCulture)
            : value.ToString("0.00##", CultureInfo.InvariantCulture);
    }

    public static string Format(object? value) => value switch
    {
        null => "-",
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => Money(m),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
