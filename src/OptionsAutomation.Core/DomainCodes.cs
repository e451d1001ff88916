using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Adjustments;

namespace OptionsAutomation.Core;

/// <summary>
/// The stable text codes of the domain enums, as stored in Postgres and printed by the CLI
/// (<c>CSP</c>, <c>OPEN</c>, <c>21dte</c>, …). One table per enum so a code is defined once.
/// </summary>
public static class DomainCodes
{
    // Each table is built when its enum is first used, not all twenty-five at once: `optauto --help` reads five of them,
    // and each costs generic instantiations the JIT compiles at start-up.
    private static readonly Dictionary<Type, Func<object>> Tables = new()
    {
        [typeof(StrategyType)] = () => new CodeTable<StrategyType>(
            (StrategyType.CashSecuredPut, "CSP"),
            (StrategyType.VerticalPutCredit, "VPC"),
            (StrategyType.Stock, "STOCK")),
        [typeof(PositionStatus)] = () => new CodeTable<PositionStatus>(
            (PositionStatus.Open, "OPEN"),
            (PositionStatus.Closed, "CLOSED"),
            (PositionStatus.Expired, "EXPIRED"),
            (PositionStatus.Assigned, "ASSIGNED")),
        [typeof(ExitReason)] = () => new CodeTable<ExitReason>(
            (ExitReason.ProfitTarget, "profit_target"),
            (ExitReason.StopLoss, "stop_loss"),
            (ExitReason.DaysToExpiry, "21dte"),
            (ExitReason.Manual, "manual"),
            (ExitReason.Expired, "expired"),
            (ExitReason.Assigned, "assigned"),
            (ExitReason.Risk, "risk"),
            (ExitReason.TrailingStop, "trailing_stop"),
            (ExitReason.ScaleOut, "scale_out"),
            (ExitReason.Roll, "roll"),
            (ExitReason.Adjustment, "adjustment")),
        [typeof(TradeJournal.JournalPhase)] = () => new CodeTable<TradeJournal.JournalPhase>(
            (TradeJournal.JournalPhase.Entry, "entry"),
            (TradeJournal.JournalPhase.During, "during"),
            (TradeJournal.JournalPhase.After, "after")),
        [typeof(ExecutedBy)] = () => new CodeTable<ExecutedBy>(
            (ExecutedBy.Auto, "auto"),
            (ExecutedBy.Manual, "manual")),
        [typeof(TradeOutcome)] = () => new CodeTable<TradeOutcome>(
            (TradeOutcome.Win, "WIN"),
            (TradeOutcome.Loss, "LOSS")),
        [typeof(OptionRight)] = () => new CodeTable<OptionRight>(
            (OptionRight.Put, "put"),
            (OptionRight.Call, "call")),
        [typeof(LegSide)] = () => new CodeTable<LegSide>(
            (LegSide.Short, "short"),
            (LegSide.Long, "long")),
        [typeof(MarkQuality)] = () => new CodeTable<MarkQuality>(
            (MarkQuality.Fresh, "FRESH"),
            (MarkQuality.Stale, "STALE"),
            (MarkQuality.Unusable, "UNUSABLE")),
        [typeof(ExitDecisionKind)] = () => new CodeTable<ExitDecisionKind>(
            (ExitDecisionKind.Hold, "HOLD"),
            (ExitDecisionKind.Exit, "EXIT"),
            (ExitDecisionKind.Stale, "STALE"),
            (ExitDecisionKind.Unusable, "UNUSABLE")),
        [typeof(OrderSide)] = () => new CodeTable<OrderSide>(
            (OrderSide.BuyToOpen, "buy_to_open"),
            (OrderSide.SellToOpen, "sell_to_open"),
            (OrderSide.BuyToClose, "buy_to_close"),
            (OrderSide.SellToClose, "sell_to_close")),
        [typeof(OrderStatus)] = () => new CodeTable<OrderStatus>(
            (OrderStatus.Pending, "PENDING"),
            (OrderStatus.Submitted, "SUBMITTED"),
            (OrderStatus.PartiallyFilled, "PARTIALLY_FILLED"),
            (OrderStatus.Filled, "FILLED"),
            (OrderStatus.Cancelled, "CANCELLED"),
            (OrderStatus.Rejected, "REJECTED"),
            (OrderStatus.Unknown, "UNKNOWN")),
        [typeof(OrderIntent)] = () => new CodeTable<OrderIntent>(
            (OrderIntent.Open, "OPEN"),
            (OrderIntent.Close, "CLOSE"),
            (OrderIntent.Settle, "SETTLE"),
            (OrderIntent.Roll, "ROLL")),
        [typeof(ScreenDenialCode)] = () => new CodeTable<ScreenDenialCode>(
            (ScreenDenialCode.NoChain, "NO_CHAIN"),
            (ScreenDenialCode.NoExpirationInWindow, "NO_EXPIRATION_IN_WINDOW"),
            (ScreenDenialCode.NoShortPut, "NO_SHORT_PUT"),
            (ScreenDenialCode.NoLongPut, "NO_LONG_PUT"),
            (ScreenDenialCode.OpenInterestTooLow, "OPEN_INTEREST_TOO_LOW"),
            (ScreenDenialCode.SpreadTooWide, "SPREAD_TOO_WIDE"),
            (ScreenDenialCode.CreditTooLow, "CREDIT_TOO_LOW"),
            (ScreenDenialCode.TickerAtPositionLimit, "TICKER_AT_POSITION_LIMIT"),
            (ScreenDenialCode.NoEquity, "NO_EQUITY"),
            (ScreenDenialCode.SizeBelowOneContract, "SIZE_BELOW_ONE_CONTRACT"),
            (ScreenDenialCode.RiskDenied, "RISK_DENIED"),
            (ScreenDenialCode.NotAnEntryDay, "NOT_AN_ENTRY_DAY"),
            (ScreenDenialCode.ScaleInAtContractLimit, "SCALE_IN_AT_CONTRACT_LIMIT"),
            (ScreenDenialCode.ScaleInNoQuote, "SCALE_IN_NO_QUOTE")),
        [typeof(ProposalStatus)] = () => new CodeTable<ProposalStatus>(
            (ProposalStatus.Proposed, "PROPOSED"),
            (ProposalStatus.Approved, "APPROVED"),
            (ProposalStatus.Executing, "EXECUTING"),
            (ProposalStatus.Executed, "EXECUTED"),
            (ProposalStatus.Rejected, "REJECTED"),
            (ProposalStatus.Expired, "EXPIRED"),
            (ProposalStatus.Failed, "FAILED")),
        [typeof(TradingState)] = () => new CodeTable<TradingState>(
            (TradingState.Active, "ACTIVE"),
            (TradingState.Reducing, "REDUCING"),
            (TradingState.Halted, "HALTED")),
        [typeof(RiskCheck)] = () => new CodeTable<RiskCheck>(
            (RiskCheck.OrderNotional, "ORDER_NOTIONAL"),
            (RiskCheck.MaxPositions, "MAX_POSITIONS"),
            (RiskCheck.DailyLoss, "DAILY_LOSS"),
            (RiskCheck.Exposure, "EXPOSURE"),
            (RiskCheck.Correlation, "CORRELATION"),
            (RiskCheck.PriceSanity, "PRICE_SANITY"),
            (RiskCheck.OrderRate, "ORDER_RATE"),
            (RiskCheck.CircuitBreaker, "CIRCUIT_BREAKER"),
            (RiskCheck.TradingState, "TRADING_STATE")),
        [typeof(RiskDenialCode)] = () => new CodeTable<RiskDenialCode>(
            (RiskDenialCode.NoEquity, "NO_EQUITY"),
            (RiskDenialCode.OrderNotionalExceeded, "ORDER_NOTIONAL_EXCEEDED"),
            (RiskDenialCode.OrderNotionalPercentExceeded, "ORDER_NOTIONAL_PERCENT_EXCEEDED"),
            (RiskDenialCode.MaxPositionsReached, "MAX_POSITIONS_REACHED"),
            (RiskDenialCode.DailyLossLimitReached, "DAILY_LOSS_LIMIT_REACHED"),
            (RiskDenialCode.DailyLossPercentReached, "DAILY_LOSS_PERCENT_REACHED"),
            (RiskDenialCode.ExposureExceeded, "EXPOSURE_EXCEEDED"),
            (RiskDenialCode.ExposurePercentExceeded, "EXPOSURE_PERCENT_EXCEEDED"),
            (RiskDenialCode.CorrelationLimit, "CORRELATION_LIMIT"),
            (RiskDenialCode.NoQuote, "NO_QUOTE"),
            (RiskDenialCode.QuoteUnusable, "QUOTE_UNUSABLE"),
            (RiskDenialCode.QuoteStale, "QUOTE_STALE"),
            (RiskDenialCode.PriceDeviationExceeded, "PRICE_DEVIATION_EXCEEDED"),
            (RiskDenialCode.OrderRateExceeded, "ORDER_RATE_EXCEEDED"),
            (RiskDenialCode.CircuitBreakerTripped, "CIRCUIT_BREAKER_TRIPPED"),
            (RiskDenialCode.TradingReducing, "TRADING_REDUCING"),
            (RiskDenialCode.TradingHalted, "TRADING_HALTED")),
        [typeof(BreakerTripReason)] = () => new CodeTable<BreakerTripReason>(
            (BreakerTripReason.ConsecutiveLosses, "CONSECUTIVE_LOSSES"),
            (BreakerTripReason.ConsecutiveErrors, "CONSECUTIVE_ERRORS")),

        [typeof(FillSide)] = () => new CodeTable<FillSide>(
            (FillSide.Buy, "buy"),
            (FillSide.Sell, "sell")),
        [typeof(RealizedPnlMethod)] = () => new CodeTable<RealizedPnlMethod>(
            (RealizedPnlMethod.Fifo, "fifo"),
            (RealizedPnlMethod.AverageCost, "average")),
        [typeof(LimitState)] = () => new CodeTable<LimitState>(
            (LimitState.Ok, "OK"),
            (LimitState.Warn, "WARN"),
            (LimitState.Breach, "BREACH")),
        [typeof(ReductionOutcome)] = () => new CodeTable<ReductionOutcome>(
            (ReductionOutcome.Closed, "closed"),
            (ReductionOutcome.AlreadyClosing, "already_closing"),
            (ReductionOutcome.NotOpen, "not_open"),
            (ReductionOutcome.MarketClosed, "market_closed"),
            (ReductionOutcome.Failed, "failed")),
        [typeof(AdjustmentKind)] = () => new CodeTable<AdjustmentKind>(
            (AdjustmentKind.Roll, "ROLL"),
            (AdjustmentKind.Close, "CLOSE"),
            (AdjustmentKind.Reduce, "REDUCE")),
        [typeof(AdjustmentStatus)] = () => new CodeTable<AdjustmentStatus>(
            (AdjustmentStatus.Pending, "PENDING"),
            (AdjustmentStatus.Approved, "APPROVED"),
            (AdjustmentStatus.Executed, "EXECUTED"),
            (AdjustmentStatus.Failed, "FAILED"),
            (AdjustmentStatus.Rejected, "REJECTED"),
            (AdjustmentStatus.Ignored, "IGNORED"),
            (AdjustmentStatus.Expired, "EXPIRED")),
        [typeof(AdjustmentUrgency)] = () => new CodeTable<AdjustmentUrgency>(
            (AdjustmentUrgency.Low, "LOW"),
            (AdjustmentUrgency.Medium, "MEDIUM"),
            (AdjustmentUrgency.High, "HIGH"),
            (AdjustmentUrgency.Critical, "CRITICAL")),
    };

    /// <summary>Every enum that has codes; serializers use this to decide what to convert.</summary>
    public static IEnumerable<Type> CodedTypes => Tables.Keys;

    public static string ToCode<T>(this T value) where T : struct, Enum => Table<T>().ToCode(value);

    /// <summary>Parses a code (case-insensitive); throws <see cref="FormatException"/> listing the valid codes.</summary>
    public static T Parse<T>(string code) where T : struct, Enum => Table<T>().Parse(code);

    public static bool TryParse<T>(string? code, out T value) where T : struct, Enum => Table<T>().TryParse(code, out value);

    /// <summary>The valid codes of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Codes<T>() where T : struct, Enum => Table<T>().Codes;

    private static CodeTable<T> Table<T>() where T : struct, Enum =>
        TableOf<T>.Instance ?? throw new InvalidOperationException($"{typeof(T).Name} has no domain codes.");

    /// <summary>The table of <typeparamref name="T"/>, built once by the runtime's type initialisation (thread-safe).</summary>
    private static class TableOf<T> where T : struct, Enum
    {
        public static readonly CodeTable<T>? Instance = Tables.TryGetValue(typeof(T), out var create) ? (CodeTable<T>)create() : null;
    }

    /// <summary>
    /// Codes by linear search: a table holds at most seventeen entries, where a scan is as quick as a hash, and plain arrays
    /// cost no start-up (a frozen dictionary per enum compiled hundreds of generic methods before the first command ran).
    /// </summary>
    private sealed class CodeTable<T> where T : struct, Enum
    {
        private readonly T[] _values;
        private readonly string[] _codes;

        public CodeTable(params (T Value, string Code)[] entries)
        {
            _values = new T[entries.Length];
            _codes = new string[entries.Length];
            for (var i = 0; i < entries.Length; i++)
            {
                (_values[i], _codes[i]) = entries[i];
            }

            Codes = _codes.AsReadOnly();
            foreach (var value in Enum.GetValues<T>())
            {
                if (Array.IndexOf(_values, value) < 0)
                {
                    throw new InvalidOperationException($"Every {typeof(T).Name} value needs a code.");
                }
            }
        }

        public IReadOnlyList<string> Codes { get; }

        public string ToCode(T value)
        {
            var index = Array.IndexOf(_values, value);
            return index >= 0 ? _codes[index] : throw new KeyNotFoundException($"{typeof(T).Name} {value} has no code.");
        }

        public T Parse(string code) =>
            TryParse(code, out var value)
                ? value
                : throw new FormatException($"'{code}' is not a valid {typeof(T).Name}; expected one of: {string.Join(", ", Codes)}.");

        public bool TryParse(string? code, out T value)
        {
            var trimmed = code?.Trim() ?? "";
            for (var i = 0; i < _codes.Length; i++)
            {
                if (string.Equals(_codes[i], trimmed, StringComparison.OrdinalIgnoreCase))
                {
                    value = _values[i];
                    return true;
                }
            }

            value = default;
            return false;
        }
    }
}
