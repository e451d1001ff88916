using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Risk;

namespace OptionsAutomation.Core.Tests;

public sealed class DomainCodesTests
{
    [Theory]
    [InlineData(StrategyType.CashSecuredPut, "CSP")]
    [InlineData(StrategyType.VerticalPutCredit, "VPC")]
    [InlineData(StrategyType.Stock, "STOCK")]
    public void StrategyType_HasStableCodes(StrategyType value, string code) => AssertCode(value, code);

    [Theory]
    [InlineData(PositionStatus.Open, "OPEN")]
    [InlineData(PositionStatus.Closed, "CLOSED")]
    [InlineData(PositionStatus.Expired, "EXPIRED")]
    [InlineData(PositionStatus.Assigned, "ASSIGNED")]
    public void PositionStatus_HasStableCodes(PositionStatus value, string code) => AssertCode(value, code);

    [Theory]
    [InlineData(ExitReason.ProfitTarget, "profit_target")]
    [InlineData(ExitReason.StopLoss, "stop_loss")]
    [InlineData(ExitReason.DaysToExpiry, "21dte")]
    [InlineData(ExitReason.Manual, "manual")]
    [InlineData(ExitReason.Expired, "expired")]
    [InlineData(ExitReason.Assigned, "assigned")]
    [InlineData(ExitReason.Risk, "risk")]
    [InlineData(ExitReason.TrailingStop, "trailing_stop")]
    [InlineData(ExitReason.ScaleOut, "scale_out")]
    [InlineData(ExitReason.Roll, "roll")]
    [InlineData(ExitReason.Adjustment, "adjustment")]
    public void ExitReason_HasStableCodes(ExitReason value, string code) => AssertCode(value, code);

    [Theory]
    [InlineData(ExecutedBy.Auto, "auto")]
    [InlineData(ExecutedBy.Manual, "manual")]
    public void ExecutedBy_HasStableCodes(ExecutedBy value, string code) => AssertCode(value, code);

    [Theory]
    [InlineData(TradeOutcome.Win, "WIN")]
    [InlineData(TradeOutcome.Loss, "LOSS")]
    public void TradeOutcome_HasStableCodes(TradeOutcome value, string code) => AssertCode(value, code);

    [Theory]
    [InlineData(OptionRight.Put, "put")]
    [InlineData(OptionRight.Call, "call")]
    public void OptionRight_HasStableCodes(OptionRight value, string code) => AssertCode(value, code);

    [Theory]
    [InlineData(LegSide.Short, "short")]
    [InlineData(LegSide.Long, "long")]
    public void LegSide_HasStableCodes(LegSide value, string code) => AssertCode(value, code);

    [Theory]
    [InlineData(MarkQuality.Fresh, "FRESH")]
    [InlineData(MarkQuality.Stale, "STALE")]
    [InlineData(MarkQuality.Unusable, "UNUSABLE")]
    public void MarkQuality_HasStableCodes(MarkQuality value, string code) => AssertCode(value, code);

    [Theory]
    [InlineData(ExitDecisionKind.Hold, "HOLD")]
    [InlineData(ExitDecisionKind.Exit, "EXIT")]
    [InlineData(ExitDecisionKind.Stale, "STALE")]
    [InlineData(ExitDecisionKind.Unusable, "UNUSABLE")]
    public void ExitDecisionKind_HasStableCodes(ExitDecisionKind value, string code) => AssertCode(value, code);

    [Theory]
    [InlineData(OrderSide.BuyToOpen, "buy_to_open")]
    [InlineData(OrderSide.SellToOpen, "sell_to_open")]
    [InlineData(OrderSide.BuyToClose, "buy_to_close")]
    [InlineData(OrderSide.SellToClose, "sell_to_close")]
    public void OrderSide_HasStableCodes(OrderSide value, string code) => AssertCode(value, code);

    [Theory]
    [InlineData(OrderStatus.Submitted, "SUBMITTED")]
    [InlineData(OrderStatus.PartiallyFilled, "PARTIALLY_FILLED")]
    [InlineData(OrderStatus.Filled, "FILLED")]
    [InlineData(OrderStatus.Cancelled, "CANCELLED")]
    [InlineData(OrderStatus.Rejected, "REJECTED")]
    [InlineData(OrderStatus.Pending, "PENDING")]
    [InlineData(OrderStatus.Unknown, "UNKNOWN")]
    public void OrderStatus_HasStableCodes(OrderStatus value, string code) => AssertCode(value, code);

    [Theory]
    [InlineData(OrderIntent.Open, "OPEN")]
    [InlineData(OrderIntent.Close, "CLOSE")]
    [InlineData(OrderIntent.Settle, "SETTLE")]
    [InlineData(OrderIntent.Roll, "ROLL")]
    public void OrderIntent_HasStableCodes(OrderIntent value, string code) => AssertCode(value, code);

    [Theory]
    [InlineData(TradingState.Active, "ACTIVE")]
    [InlineData(TradingState.Reducing, "REDUCING")]
    [InlineData(TradingState.Halted, "HALTED")]
    public void TradingState_HasStableCodes(TradingState value, string code) => AssertCode(value, code);

    [Theory]
    [InlineData(RiskCheck.OrderNotional, "ORDER_NOTIONAL")]
    [InlineData(RiskCheck.MaxPositions, "MAX_POSITIONS")]
    [InlineData(RiskCheck.DailyLoss, "DAILY_LOSS")]
    [InlineData(RiskCheck.Exposure, "EXPOSURE")]
    [InlineData(RiskCheck.PriceSanity, "PRICE_SANITY")]
    [InlineData(RiskCheck.OrderRate, "ORDER_RATE")]
    [InlineData(RiskCheck.CircuitBreaker, "CIRCUIT_BREAKER")]
    [InlineData(RiskCheck.TradingState, "TRADING_STATE")]
    public void RiskCheck_HasStableCodes(RiskCheck value, string code) => AssertCode(value, code);

    [Theory]
    [InlineData(RiskDenialCode.NoEquity, "NO_EQUITY")]
    [InlineData(RiskDenialCode.OrderNotionalExceeded, "ORDER_NOTIONAL_EXCEEDED")]
    [InlineData(RiskDenialCode.OrderNotionalPercentExceeded, "ORDER_NOTIONAL_PERCENT_EXCEEDED")]
    [InlineData(RiskDenialCode.MaxPositionsReached, "MAX_POSITIONS_REACHED")]
    [InlineData(RiskDenialCode.DailyLossLimitReached, "DAILY_LOSS_LIMIT_REACHED")]
    [InlineData(RiskDenialCode.DailyLossPercentReached, "DAILY_LOSS_PERCENT_REACHED")]
    [InlineData(RiskDenialCode.ExposureExceeded, "EXPOSURE_EXCEEDED")]
    [InlineData(RiskDenialCode.ExposurePercentExceeded, "EXPOSURE_PERCENT_EXCEEDED")]
    [InlineData(RiskDenialCode.NoQuote, "NO_QUOTE")]
    [InlineData(RiskDenialCode.QuoteUnusable, "QUOTE_UNUSABLE")]
    [InlineData(RiskDenialCode.QuoteStale, "QUOTE_STALE")]
    [InlineData(RiskDenialCode.PriceDeviationExceeded, "PRICE_DEVIATION_EXCEEDED")]
    [InlineData(RiskDenialCode.OrderRateExceeded, "ORDER_RATE_EXCEEDED")]
    [InlineData(RiskDenialCode.CircuitBreakerTripped, "CIRCUIT_BREAKER_TRIPPED")]
    [InlineData(RiskDenialCode.TradingReducing, "TRADING_REDUCING")]
    [InlineData(RiskDenialCode.TradingHalted, "TRADING_HALTED")]
    public void RiskDenialCode_HasStableCodes(RiskDenialCode value, string code) => AssertCode(value, code);

    [Theory]
    [InlineData(BreakerTripReason.ConsecutiveLosses, "CONSECUTIVE_LOSSES")]
    [InlineData(BreakerTripReason.ConsecutiveErrors, "CONSECUTIVE_ERRORS")]
    public void BreakerTripReason_HasStableCodes(BreakerTripReason value, string code) => AssertCode(value, code);

    [Theory]
    [InlineData(FillSide.Buy, "buy")]
    [InlineData(FillSide.Sell, "sell")]
    public void FillSide_HasStableCodes(FillSide value, string code) => AssertCode(value, code);

    [Theory]
    [InlineData(RealizedPnlMethod.Fifo, "fifo")]
    [InlineData(RealizedPnlMethod.AverageCost, "average")]
    public void RealizedPnlMethod_HasStableCodes(RealizedPnlMethod value, string code) => AssertCode(value, code);

    [Fact]
    public void EveryValueOfEveryCodedEnum_RoundTrips()
    {
        AssertRoundTrip<StrategyType>();
        AssertRoundTrip<PositionStatus>();
        AssertRoundTrip<ExitReason>();
        AssertRoundTrip<ExecutedBy>();
        AssertRoundTrip<TradeOutcome>();
        AssertRoundTrip<OptionRight>();
        AssertRoundTrip<LegSide>();
        AssertRoundTrip<MarkQuality>();
        AssertRoundTrip<ExitDecisionKind>();
        AssertRoundTrip<OrderSide>();
        AssertRoundTrip<OrderStatus>();
        AssertRoundTrip<TradingState>();
        AssertRoundTrip<RiskCheck>();
        AssertRoundTrip<RiskDenialCode>();
        AssertRoundTrip<BreakerTripReason>();
        AssertRoundTrip<FillSide>();
        AssertRoundTrip<RealizedPnlMethod>();
        AssertRoundTrip<OptionsAutomation.Core.Risk.Portfolio.LimitState>();
        AssertRoundTrip<OptionsAutomation.Core.Trading.ReductionOutcome>();
        AssertRoundTrip<OptionsAutomation.Core.Trading.Adjustments.AdjustmentKind>();
        AssertRoundTrip<OptionsAutomation.Core.Trading.Adjustments.AdjustmentStatus>();
        AssertRoundTrip<OptionsAutomation.Core.Trading.Adjustments.AdjustmentUrgency>();
    }

    [Fact]
    public void CodedTypes_AreEveryDomainEnum()
    {
        Type[] expected =
        [
            typeof(StrategyType), typeof(PositionStatus), typeof(ExitReason), typeof(ExecutedBy),
            typeof(TradeOutcome), typeof(OptionRight), typeof(LegSide),
            typeof(MarkQuality), typeof(ExitDecisionKind), typeof(OrderSide), typeof(OrderStatus), typeof(OrderIntent), typeof(FillSide), typeof(RealizedPnlMethod),
            typeof(TradingState), typeof(RiskCheck), typeof(RiskDenialCode), typeof(BreakerTripReason),
            typeof(ScreenDenialCode), typeof(ProposalStatus), typeof(OptionsAutomation.Core.Risk.Portfolio.LimitState),
            typeof(OptionsAutomation.Core.Trading.ReductionOutcome),
            typeof(OptionsAutomation.Core.Trading.Adjustments.AdjustmentKind), typeof(OptionsAutomation.Core.Trading.Adjustments.AdjustmentStatus),
            typeof(OptionsAutomation.Core.Trading.Adjustments.AdjustmentUrgency), typeof(OptionsAutomation.Core.TradeJournal.JournalPhase),
        ];

        Assert.Equal(
            expected.Select(t => t.FullName).Order(StringComparer.Ordinal),
            DomainCodes.CodedTypes.Select(t => t.FullName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("csp", StrategyType.CashSecuredPut)]
    [InlineData("Vpc", StrategyType.VerticalPutCredit)]
    [InlineData("stock", StrategyType.Stock)]
    [InlineData(" CSP ", StrategyType.CashSecuredPut)]
    public void Parse_StrategyType_IsCaseInsensitiveAndTrimmed(string code, StrategyType expected)
    {
        Assert.Equal(expected, DomainCodes.Parse<StrategyType>(code));
    }

    [Theory]
    [InlineData("PROFIT_TARGET", ExitReason.ProfitTarget)]
    [InlineData("Stop_Loss", ExitReason.StopLoss)]
    [InlineData("21DTE", ExitReason.DaysToExpiry)]
    [InlineData("MANUAL", ExitReason.Manual)]
    public void Parse_ExitReason_IsCaseInsensitive(string code, ExitReason expected)
    {
        Assert.Equal(expected, DomainCodes.Parse<ExitReason>(code));
    }

    [Fact]
    public void Parse_OtherEnums_AreCaseInsensitive()
    {
        Assert.Equal(PositionStatus.Open, DomainCodes.Parse<PositionStatus>("open"));
        Assert.Equal(TradeOutcome.Win, DomainCodes.Parse<TradeOutcome>("win"));
        Assert.Equal(ExecutedBy.Auto, DomainCodes.Parse<ExecutedBy>("AUTO"));
        Assert.Equal(OptionRight.Call, DomainCodes.Parse<OptionRight>("Call"));
        Assert.Equal(LegSide.Long, DomainCodes.Parse<LegSide>("LONG"));
    }

    [Fact]
    public void Parse_UnknownExitReason_MessageListsValidCodes()
    {
        var e = Assert.Throws<FormatException>(() => DomainCodes.Parse<ExitReason>("take_profit"));

        Assert.Equal(
            "'take_profit' is not a valid ExitReason; expected one of: profit_target, stop_loss, 21dte, manual, expired, assigned, risk, trailing_stop, scale_out, roll, adjustment.",
            e.Message);
    }

    [Fact]
    public void Parse_UnknownStrategy_MessageListsValidCodes()
    {
        var e = Assert.Throws<FormatException>(() => DomainCodes.Parse<StrategyType>("IC"));

        Assert.Equal("'IC' is not a valid StrategyType; expected one of: CSP, VPC, STOCK.", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("CashSecuredPut")]
    [InlineData("0")]
    [InlineData("C SP")]
    public void Parse_NonCode_Throws(string code)
    {
        Assert.Throws<FormatException>(() => DomainCodes.Parse<StrategyType>(code));
    }

    [Fact]
    public void TryParse_NullOrUnknown_ReturnsFalse()
    {
        Assert.False(DomainCodes.TryParse<PositionStatus>(null, out _));
        Assert.False(DomainCodes.TryParse<PositionStatus>("PENDING", out _));
        Assert.True(DomainCodes.TryParse<PositionStatus>("expired", out var status));
        Assert.Equal(PositionStatus.Expired, status);
    }

    [Fact]
    public void Codes_AreInDeclarationOrder()
    {
        Assert.Equal(["profit_target", "stop_loss", "21dte", "manual", "expired", "assigned", "risk", "trailing_stop", "scale_out", "roll", "adjustment"], DomainCodes.Codes<ExitReason>());
        Assert.Equal(["OPEN", "CLOSED", "EXPIRED", "ASSIGNED"], DomainCodes.Codes<PositionStatus>());
        Assert.Equal(["CSP", "VPC", "STOCK"], DomainCodes.Codes<StrategyType>());
        Assert.Equal(["closed", "already_closing", "not_open", "market_closed", "failed"], DomainCodes.Codes<OptionsAutomation.Core.Trading.ReductionOutcome>());
    }

    [Fact]
    public void EnumWithoutCodes_Throws()
    {
        var e = Assert.Throws<InvalidOperationException>(() => DomainCodes.Codes<DayOfWeek>());

        Assert.Equal("DayOfWeek has no domain codes.", e.Message);
    }

    private static void AssertCode<T>(T value, string code) where T : struct, Enum
    {
        Assert.Equal(code, value.ToCode());
        Assert.Equal(value, DomainCodes.Parse<T>(code));
        Assert.True(DomainCodes.TryParse<T>(code, out var parsed));
        Assert.Equal(value, parsed);
    }

    private static void AssertRoundTrip<T>() where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var codes = DomainCodes.Codes<T>();
        Assert.Equal(values.Length, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var value in values)
        {
            var code = value.ToCode();
            Assert.Equal(value, DomainCodes.Parse<T>(code));
            Assert.Equal(value, DomainCodes.Parse<T>(code.ToUpperInvariant()));
            Assert.Equal(value, DomainCodes.Parse<T>(code.ToLowerInvariant()));
        }
    }
}
