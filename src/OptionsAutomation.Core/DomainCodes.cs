using System.Collections.Frozen;
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
    private static readonly CodeTable<StrategyType> Strategies = new(
        (StrategyType.CashSecuredPut, "CSP"),
        (StrategyType.VerticalPutCredit, "VPC"),
        (StrategyType.Stock, "STOCK"));

    private static readonly CodeTable<PositionStatus> Statuses = new(
        (PositionStatus.Open, "OPEN"),
        (PositionStatus.Closed, "CLOSED"),
        (PositionStatus.Expired, "EXPIRED"),
        (PositionStatus.Assigned, "ASSIGNED"));

    private static readonly CodeTable<ExitReason> ExitReasons = new(
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
        (ExitReason.Adjustment, "adjustment"));

    private static readonly CodeTable<ExecutedBy> Executors = new(
        (ExecutedBy.Auto, "auto"),
        (ExecutedBy.Manual, "manual"));

    private static readonly CodeTable<TradeOutcome> Outcomes = new(
        (TradeOutcome.Win, "WIN"),
        (TradeOutcome.Loss, "LOSS"));

    private static readonly CodeTable<OptionRight> Rights = new(
        (OptionRight.Put, "put"),
        (OptionRight.Call, "call"));

    private static readonly CodeTable<LegSide> Sides = new(
        (LegSide.Short, "short"),
        (LegSide.Long, "long"));

    private static readonly CodeTable<MarkQuality> MarkQualities = new(
        (MarkQuality.Fresh, "FRESH"),
        (MarkQuality.Stale, "STALE"),
        (MarkQuality.Unusable, "UNUSABLE"));

    private static readonly CodeTable<ExitDecisionKind> Decisions = new(
        (ExitDecisionKind.Hold, "HOLD"),
        (ExitDecisionKind.Exit, "EXIT"),
        (ExitDecisionKind.Stale, "STALE"),
        (ExitDecisionKind.Unusable, "UNUSABLE"));

    private static readonly CodeTable<OrderSide> OrderSides = new(
        (OrderSide.BuyToOpen, "buy_to_open"),
        (OrderSide.SellToOpen, "sell_to_open"),
        (OrderSide.BuyToClose, "buy_to_close"),
        (OrderSide.SellToClose, "sell_to_close"));

    private static readonly CodeTable<OrderStatus> OrderStatuses = new(
        (OrderStatus.Pending, "PENDING"),
        (OrderStatus.Submitted, "SUBMITTED"),
        (OrderStatus.PartiallyFilled, "PARTIALLY_FILLED"),
        (OrderStatus.Filled, "FILLED"),
        (OrderStatus.Cancelled, "CANCELLED"),
        (OrderStatus.Rejected, "REJECTED"),
        (OrderStatus.Unknown, "UNKNOWN"));

    private static readonly CodeTable<OrderIntent> OrderIntents = new(
        (OrderIntent.Open, "OPEN"),
        (OrderIntent.Close, "CLOSE"),
        (OrderIntent.Settle, "SETTLE"),
        (OrderIntent.Roll, "ROLL"));

    private static readonly CodeTable<ProposalStatus> ProposalStatuses = new(
        (ProposalStatus.Proposed, "PROPOSED"),
        (ProposalStatus.Approved, "APPROVED"),
        (ProposalStatus.Executing, "EXECUTING"),
        (ProposalStatus.Executed, "EXECUTED"),
        (ProposalStatus.Rejected, "REJECTED"),
        (ProposalStatus.Expired, "EXPIRED"),
        (ProposalStatus.Failed, "FAILED"));

    private static readonly CodeTable<ScreenDenialCode> ScreenDenials = new(
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
        (ScreenDenialCode.ScaleInNoQuote, "SCALE_IN_NO_QUOTE"));

    private static readonly CodeTable<TradingState> TradingStates = new(
        (TradingState.Active, "ACTIVE"),
        (TradingState.Reducing, "REDUCING"),
        (TradingState.Halted, "HALTED"));

    private static readonly CodeTable<RiskCheck> RiskChecks = new(
        (RiskCheck.OrderNotional, "ORDER_NOTIONAL"),
        (RiskCheck.MaxPositions, "MAX_POSITIONS"),
        (RiskCheck.DailyLoss, "DAILY_LOSS"),
        (RiskCheck.Exposure, "EXPOSURE"),
        (RiskCheck.Correlation, "CORRELATION"),
        (RiskCheck.PriceSanity, "PRICE_SANITY"),
        (RiskCheck.OrderRate, "ORDER_RATE"),
        (RiskCheck.CircuitBreaker, "CIRCUIT_BREAKER"),
        (RiskCheck.TradingState, "TRADING_STATE"));

    private static readonly CodeTable<RiskDenialCode> RiskDenials = new(
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
        (RiskDenialCode.TradingHalted, "TRADING_HALTED"));

    private static readonly CodeTable<BreakerTripReason> TripReasons = new(
        (BreakerTripReason.ConsecutiveLosses, "CONSECUTIVE_LOSSES"),
        (BreakerTripReason.ConsecutiveErrors, "CONSECUTIVE_ERRORS"));

    private static readonly CodeTable<FillSide> FillSides = new(
        (FillSide.Buy, "buy"),
        (FillSide.Sell, "sell"));

    private static readonly CodeTable<RealizedPnlMethod> PnlMethods = new(
        (RealizedPnlMethod.Fifo, "fifo"),
        (RealizedPnlMethod.AverageCost, "average"));

    private static readonly CodeTable<LimitState> LimitStates = new(
        (LimitState.Ok, "OK"),
        (LimitState.Warn, "WARN"),
        (LimitState.Breach, "BREACH"));

    private static readonly CodeTable<ReductionOutcome> ReductionOutcomes = new(
        (ReductionOutcome.Closed, "closed"),
        (ReductionOutcome.AlreadyClosing, "already_closing"),
        (ReductionOutcome.NotOpen, "not_open"),
        (ReductionOutcome.MarketClosed, "market_closed"),
        (ReductionOutcome.Failed, "failed"));

    private static readonly CodeTable<AdjustmentKind> AdjustmentKinds = new(
        (AdjustmentKind.Roll, "ROLL"),
        (AdjustmentKind.Close, "CLOSE"),
        (AdjustmentKind.Reduce, "REDUCE"));

    private static readonly CodeTable<AdjustmentStatus> AdjustmentStatuses = new(
        (AdjustmentStatus.Pending, "PENDING"),
        (AdjustmentStatus.Approved, "APPROVED"),
        (AdjustmentStatus.Executed, "EXECUTED"),
        (AdjustmentStatus.Failed, "FAILED"),
        (AdjustmentStatus.Rejected, "REJECTED"),
        (AdjustmentStatus.Ignored, "IGNORED"),
        (AdjustmentStatus.Expired, "EXPIRED"));

    private static readonly CodeTable<AdjustmentUrgency> AdjustmentUrgencies = new(
        (AdjustmentUrgency.Low, "LOW"),
        (AdjustmentUrgency.Medium, "MEDIUM"),
        (AdjustmentUrgency.High, "HIGH"),
        (AdjustmentUrgency.Critical, "CRITICAL"));

    private static readonly FrozenDictionary<Type, object> Tables = new Dictionary<Type, object>
    {
        [typeof(StrategyType)] = Strategies,
        [typeof(PositionStatus)] = Statuses,
        [typeof(ExitReason)] = ExitReasons,
        [typeof(ExecutedBy)] = Executors,
        [typeof(TradeOutcome)] = Outcomes,
        [typeof(OptionRight)] = Rights,
        [typeof(LegSide)] = Sides,
        [typeof(MarkQuality)] = MarkQualities,
        [typeof(ExitDecisionKind)] = Decisions,
        [typeof(OrderSide)] = OrderSides,
        [typeof(OrderStatus)] = OrderStatuses,
        [typeof(OrderIntent)] = OrderIntents,
        [typeof(ScreenDenialCode)] = ScreenDenials,
        [typeof(ProposalStatus)] = ProposalStatuses,
        [typeof(TradingState)] = TradingStates,
        [typeof(RiskCheck)] = RiskChecks,
        [typeof(RiskDenialCode)] = RiskDenials,
        [typeof(BreakerTripReason)] = TripReasons,

        [typeof(FillSide)] = FillSides,
        [typeof(RealizedPnlMethod)] = PnlMethods,
        [typeof(LimitState)] = LimitStates,
        [typeof(ReductionOutcome)] = ReductionOutcomes,
        [typeof(AdjustmentKind)] = AdjustmentKinds,
        [typeof(AdjustmentStatus)] = AdjustmentStatuses,
        [typeof(AdjustmentUrgency)] = AdjustmentUrgencies,
    }.ToFrozenDictionary();

    /// <summary>Every enum that has codes; serializers use this to decide what to convert.</summary>
    public static IEnumerable<Type> CodedTypes => Tables.Keys;

    public static string ToCode<T>(this T value) where T : struct, Enum => Table<T>().ToCode(value);

    /// <summary>Parses a code (case-insensitive); throws <see cref="FormatException"/> listing the valid codes.</summary>
    public static T Parse<T>(string code) where T : struct, Enum => Table<T>().Parse(code);

    public static bool TryParse<T>(string? code, out T value) where T : struct, Enum => Table<T>().TryParse(code, out value);

    /// <summary>The valid codes of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Codes<T>() where T : struct, Enum => Table<T>().Codes;

    private static CodeTable<T> Table<T>() where T : struct, Enum =>
        Tables.TryGetValue(typeof(T), out var table)
            ? (CodeTable<T>)table
            : throw new InvalidOperationException($"{typeof(T).Name} has no domain codes.");

    private sealed class CodeTable<T> where T : struct, Enum
    {
        private readonly FrozenDictionary<T, string> _toCode;
        private readonly FrozenDictionary<string, T> _fromCode;

        public CodeTable(params (T Value, string Code)[] entries)
        {
            _toCode = entries.ToFrozenDictionary(e => e.Value, e => e.Code);
            _fromCode = entries.ToFrozenDictionary(e => e.Code, e => e.Value, StringComparer.OrdinalIgnoreCase);
            Codes = [.. entries.Select(e => e.Code)];
            if (_toCode.Count != Enum.GetValues<T>().Length)
            {
                throw new InvalidOperationException($"Every {typeof(T).Name} value needs a code.");
            }
        }

        public IReadOnlyList<string> Codes { get; }

        public string ToCode(T value) => _toCode[value];

        public T Parse(string code) =>
            TryParse(code, out var value)
                ? value
                : throw new FormatException($"'{code}' is not a valid {typeof(T).Name}; expected one of: {string.Join(", ", Codes)}.");

        public bool TryParse(string? code, out T value) => _fromCode.TryGetValue(code?.Trim() ?? "", out value);
    }
}
