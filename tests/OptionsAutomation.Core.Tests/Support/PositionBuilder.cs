using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Tests.Support;

/// <summary>
/// Builds open-position requests, validated <see cref="NewPosition"/>s and stored <see cref="Position"/>s.
/// Defaults: SPY CSP 580 put expiring 2026-03-20, 1 contract, credit 1.50, no fees, opened 2026-02-20.
/// </summary>
internal sealed class PositionBuilder
{
    private long _positionId = 1;
    private string _requestId = "req-1";
    private StrategyType _type = StrategyType.CashSecuredPut;
    private string _ticker = "SPY";
    private DateOnly _expiration = TestDates.Expiration;
    private decimal _shortStrike = 580m;
    private decimal? _longStrike;
    private decimal _credit = 1.50m;
    private int _quantity = 1;
    private decimal _fees;
    private DateTimeOffset? _openedAt = TestDates.OpenedAt;
    private string? _notes;
    private ExitRuleSettings _rules = new();

    public static PositionBuilder Csp(string ticker = "SPY", decimal strike = 580m, decimal credit = 1.50m) =>
        new PositionBuilder().WithTicker(ticker).WithCsp(strike, credit);

    public static PositionBuilder Vpc(string ticker = "SPY", decimal shortStrike = 580m, decimal longStrike = 575m, decimal credit = 1.50m) =>
        new PositionBuilder().WithTicker(ticker).WithVpc(shortStrike, longStrike, credit);

    public PositionBuilder WithId(long positionId)
    {
        _positionId = positionId;
        return this;
    }

    public PositionBuilder WithRequestId(string requestId)
    {
        _requestId = requestId;
        return this;
    }

    public PositionBuilder WithTicker(string ticker)
    {
        _ticker = ticker;
        return this;
    }

    public PositionBuilder WithType(StrategyType type)
    {
        _type = type;
        return this;
    }

    public PositionBuilder WithCsp(decimal strike, decimal credit)
    {
        _type = StrategyType.CashSecuredPut;
        _shortStrike = strike;
        _longStrike = null;
        _credit = credit;
        return this;
    }

    public PositionBuilder WithVpc(decimal shortStrike, decimal longStrike, decimal credit)
    {
        _type = StrategyType.VerticalPutCredit;
        _shortStrike = shortStrike;
        _longStrike = longStrike;
        _credit = credit;
        return this;
    }

    public PositionBuilder WithLongStrike(decimal? longStrike)
    {
        _longStrike = longStrike;
        return this;
    }

    public PositionBuilder WithCredit(decimal credit)
    {
        _credit = credit;
        return this;
    }

    public PositionBuilder WithExpiration(DateOnly expiration)
    {
        _expiration = expiration;
        return this;
    }

    public PositionBuilder WithQuantity(int quantity)
    {
        _quantity = quantity;
        return this;
    }

    public PositionBuilder WithFees(decimal fees)
    {
        _fees = fees;
        return this;
    }

    public PositionBuilder OpenedAt(DateTimeOffset? openedAt)
    {
        _openedAt = openedAt;
        return this;
    }

    public PositionBuilder WithNotes(string? notes)
    {
        _notes = notes;
        return this;
    }

    public PositionBuilder WithRules(ExitRuleSettings rules)
    {
        _rules = rules;
        return this;
    }

    public OpenPositionRequest Request() => new()
    {
        RequestId = _requestId,
        Strategy = _type,
        Ticker = _ticker,
        Expiration = _expiration,
        ShortStrike = _shortStrike,
        LongStrike = _longStrike,
        Credit = _credit,
        Quantity = _quantity,
        Fees = _fees,
        OpenedAt = _openedAt,
        Notes = _notes,
        Actor = "test",
    };

    public NewPosition New(DateTimeOffset? now = null) => NewPosition.From(Request(), _rules, now ?? TestDates.Now);

    public Position Build(DateTimeOffset? now = null) => New(now).ToOpenPosition(_positionId);
}

internal static class NewPositionExtensions
{
    /// <summary>The OPEN position a store would write for <paramref name="position"/>.</summary>
    public static Position ToOpenPosition(this NewPosition position, long positionId) => new()
    {
        PositionId = positionId,
        RequestId = position.RequestId,
        Ticker = position.Strategy.Underlying,
        StrategyType = position.Strategy.Type,
        Status = PositionStatus.Open,
        EntryDate = position.EntryDate,
        EntryPrice = position.Strategy.Credit,
        Quantity = position.Quantity,
        StopLoss = position.Terms.StopLoss,
        ProfitTarget = position.Terms.ProfitTarget,
        Legs = position.Strategy.Legs,
        Notes = position.Notes,
        LastUpdated = position.EntryDate,
        Expiration = position.Strategy.Expiration,
        ShortStrike = position.Strategy.ShortStrike,
        LongStrike = position.Strategy.LongStrike,
        Multiplier = position.Multiplier,
        Fees = position.Fees,
        MaxLoss = position.Terms.MaxLoss,
        Collateral = position.Terms.Collateral,
    };
}

internal static class TestExits
{
    public static PositionExit At(
        decimal exitPrice,
        ExitReason reason = ExitReason.Manual,
        DateTimeOffset? closedAt = null,
        ExecutedBy executedBy = ExecutedBy.Auto,
        decimal closingFees = 0m,
        string? clientOrderId = null) =>
        new(exitPrice, reason, closedAt ?? TestDates.ClosedAt, executedBy, "test", closingFees, clientOrderId);
}
