using System.Text.Json;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Infrastructure.Json;

namespace OptionsAutomation.Infrastructure.Postgres;

// Dapper materialises rows as Npgsql reads them (timestamptz → UTC DateTime, date → DateTime,
// codes → string); these types turn them into domain records in one place.

internal sealed class PositionRow
{
    public const string Columns =
        "position_id, request_id, ticker, strategy_type, status, entry_date, entry_price, quantity, exit_date, exit_price, " +
        "exit_reason, unrealized_pnl, realized_pnl, pnl_percent, stop_loss, profit_target, days_held, legs::text AS legs, notes, " +
        "last_updated, expiration, short_strike, long_strike, multiplier, mark_price, marked_at, fees, max_loss, collateral, " +
        "mark_status, mark_problem, mae, mfe, stop_breaches, delta, gamma, theta, vega, closed_quantity, " +
        // Scaled out once: the stored state is the position's scale_out trade row, not a second copy. A scale-out closes
        // contracts, so only a position with some closed is looked up, in one array read once per statement: a subquery
        // per row made the planner's estimate for a 100,000-row read pass jit_above_cost, and compiling it cost more than the read.
        "closed_quantity > 0 AND position_id = ANY (ARRAY(SELECT t.position_id FROM trade_history t WHERE t.exit_reason = 'scale_out')) AS scaled_out, " +
        "scales_position_id";

    public long PositionId { get; set; }
    public string RequestId { get; set; } = "";
    public string Ticker { get; set; } = "";
    public string StrategyType { get; set; } = "";
    public string Status { get; set; } = "";
    public DateTime EntryDate { get; set; }
    public decimal EntryPrice { get; set; }
    public int Quantity { get; set; }
    public DateTime? ExitDate { get; set; }
    public decimal? ExitPrice { get; set; }
    public string? ExitReason { get; set; }
    public decimal? UnrealizedPnl { get; set; }
    public decimal? RealizedPnl { get; set; }
    public decimal? PnlPercent { get; set; }
    public decimal StopLoss { get; set; }
    public decimal ProfitTarget { get; set; }
    public int? DaysHeld { get; set; }
    public string Legs { get; set; } = "[]";
    public string? Notes { get; set; }
    public DateTime LastUpdated { get; set; }
    public DateTime? Expiration { get; set; }
    public decimal? ShortStrike { get; set; }
    public decimal? LongStrike { get; set; }
    public int Multiplier { get; set; }
    public decimal? MarkPrice { get; set; }
    public DateTime? MarkedAt { get; set; }
    public decimal Fees { get; set; }
    public decimal MaxLoss { get; set; }
    public decimal Collateral { get; set; }
    public string? MarkStatus { get; set; }
    public string? MarkProblem { get; set; }
    public decimal? Mae { get; set; }
    public decimal? Mfe { get; set; }
    public int StopBreaches { get; set; }
    public decimal? Delta { get; set; }
    public decimal? Gamma { get; set; }
    public decimal? Theta { get; set; }
    public decimal? Vega { get; set; }
    public int ClosedQuantity { get; set; }
    public bool ScaledOut { get; set; }
    public long? ScalesPositionId { get; set; }

    public Position ToDomain() => ToDomain(ParseLegs(Legs));

    public static ValueList<OptionLeg> ParseLegs(string json) =>
        new(JsonSerializer.Deserialize<OptionLeg[]>(json, DomainJson.Options) ?? []);

    /// <param name="legs">The parsed <see cref="Legs"/> (a bulk read parses each distinct document once).</param>
    public Position ToDomain(ValueList<OptionLeg> legs) => new()
    {
        PositionId = PositionId,
        RequestId = RequestId,
        Ticker = Ticker,
        StrategyType = DomainCodes.Parse<StrategyType>(StrategyType),
        Status = DomainCodes.Parse<PositionStatus>(Status),
        EntryDate = RowTime.Utc(EntryDate),
        EntryPrice = EntryPrice,
        Quantity = Quantity,
        ClosedQuantity = ClosedQuantity,
        ScaledOut = ScaledOut,
        ScalesPositionId = ScalesPositionId,
        ExitDate = RowTime.Utc(ExitDate),
        ExitPrice = ExitPrice,
        ExitReason = ExitReason is null ? null : DomainCodes.Parse<ExitReason>(ExitReason),
        UnrealizedPnl = UnrealizedPnl,
        RealizedPnl = RealizedPnl,
        PnlPercent = PnlPercent,
        StopLoss = StopLoss,
        ProfitTarget = ProfitTarget,
        DaysHeld = DaysHeld,
        Legs = legs,
        Notes = Notes,
        LastUpdated = RowTime.Utc(LastUpdated),
        Expiration = Expiration is { } expiration ? DateOnly.FromDateTime(expiration) : null,
        ShortStrike = ShortStrike,
        LongStrike = LongStrike,
        Multiplier = Multiplier,
        MarkPrice = MarkPrice,
        MarkedAt = RowTime.Utc(MarkedAt),
        Fees = Fees,
        MaxLoss = MaxLoss,
        Collateral = Collateral,
        MarkStatus = MarkStatus is null ? null : DomainCodes.Parse<MarkQuality>(MarkStatus),
        MarkProblem = MarkProblem,
        Mae = Mae,
        Mfe = Mfe,
        StopBreaches = StopBreaches,
        Delta = Delta,
        Gamma = Gamma,
        Theta = Theta,
        Vega = Vega,
    };
}

internal sealed class TradeRow
{
    public const string Columns =
        "trade_id, request_id, position_id, ticker, strategy_type, entry_date, entry_price, quantity, exit_date, exit_price, " +
        "pnl_realized, pnl_percent, win_loss, collateral_required, max_risk, target_return, status, executed_by, exit_reason, " +
        "fees, created_at, closed_at, client_order_id";

    public long TradeId { get; set; }
    public string RequestId { get; set; } = "";
    public long PositionId { get; set; }
    public string Ticker { get; set; } = "";
    public string StrategyType { get; set; } = "";
    public DateTime EntryDate { get; set; }
    public decimal EntryPrice { get; set; }
    public int Quantity { get; set; }
    public DateTime ExitDate { get; set; }
    public decimal ExitPrice { get; set; }
    public decimal PnlRealized { get; set; }
    public decimal PnlPercent { get; set; }
    public string WinLoss { get; set; } = "";
    public decimal CollateralRequired { get; set; }
    public decimal MaxRisk { get; set; }
    public decimal TargetReturn { get; set; }
    public string Status { get; set; } = "";
    public string ExecutedBy { get; set; } = "";
    public string ExitReason { get; set; } = "";
    public decimal Fees { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ClosedAt { get; set; }
    public string? ClientOrderId { get; set; }

    public TradeRecord ToDomain() => new()
    {
        TradeId = TradeId,
        RequestId = RequestId,
        PositionId = PositionId,
        Ticker = Ticker,
        StrategyType = DomainCodes.Parse<StrategyType>(StrategyType),
        EntryDate = RowTime.Utc(EntryDate),
        EntryPrice = EntryPrice,
        Quantity = Quantity,
        ExitDate = RowTime.Utc(ExitDate),
        ExitPrice = ExitPrice,
        PnlRealized = PnlRealized,
        PnlPercent = PnlPercent,
        WinLoss = DomainCodes.Parse<TradeOutcome>(WinLoss),
        CollateralRequired = CollateralRequired,
        MaxRisk = MaxRisk,
        TargetReturn = TargetReturn,
        Status = DomainCodes.Parse<PositionStatus>(Status),
        ExecutedBy = DomainCodes.Parse<ExecutedBy>(ExecutedBy),
        ExitReason = DomainCodes.Parse<ExitReason>(ExitReason),
        Fees = Fees,
        CreatedAt = RowTime.Utc(CreatedAt),
        ClosedAt = RowTime.Utc(ClosedAt),
        ClientOrderId = ClientOrderId,
    };
}

internal sealed class DailyPnlRow
{
    public DateTime TradeDate { get; set; }
    public string Ticker { get; set; } = "";
    public long TradesCount { get; set; }
    public long Wins { get; set; }
    public long Losses { get; set; }
    public decimal WinRate { get; set; }
    public decimal TotalPnl { get; set; }
    public decimal AvgPnl { get; set; }

    public DailyPnl ToDomain() =>
        new(DateOnly.FromDateTime(TradeDate), Ticker, TradesCount, Wins, Losses, WinRate, TotalPnl, AvgPnl);
}

internal sealed class PerformanceRow
{
    public long TotalTrades { get; set; }
    public long TotalWins { get; set; }
    public long TotalLosses { get; set; }
    public decimal WinRate { get; set; }
    public decimal TotalPnl { get; set; }
    public decimal AvgPnlPerTrade { get; set; }
    public decimal MaxLoss { get; set; }
    public decimal MaxWin { get; set; }
    public decimal? PnlStddev { get; set; }

    public PerformanceMetrics ToDomain() =>
        new(TotalTrades, TotalWins, TotalLosses, WinRate, TotalPnl, AvgPnlPerTrade, MaxLoss, MaxWin, PnlStddev);
}

internal static class RowTime
{
    /// <summary>Npgsql reads timestamptz as a UTC DateTime.</summary>
    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}
