using OptionsAutomation.Core;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Infrastructure.InMemory;

/// <summary>
/// A new <c>positions</c> row as the in-memory book stores it: the columns <c>PositionOpenWriter</c> and
/// <c>SettlementWriter</c> insert, the others at their column defaults (no mark, no exit, nothing closed).
/// </summary>
internal static class BookPositions
{
    public static Position Opened(NewPosition position, long positionId, DateTimeOffset now)
    {
        var strategy = position.Strategy;
        var terms = position.Terms;
        return new Position
        {
            PositionId = positionId,
            RequestId = position.RequestId,
            Ticker = strategy.Underlying,
            StrategyType = strategy.Type,
            Status = PositionStatus.Open,
            EntryDate = position.EntryDate,
            EntryPrice = strategy.Credit,
            Quantity = position.Quantity,
            StopLoss = terms.StopLoss,
            ProfitTarget = terms.ProfitTarget,
            DaysHeld = 0,
            Legs = strategy.Legs,
            Notes = position.Notes,
            LastUpdated = now,
            Expiration = strategy.Expiration,
            ShortStrike = strategy.ShortStrike,
            LongStrike = strategy.LongStrike,
            Multiplier = position.Multiplier,
            Fees = position.Fees,
            MaxLoss = terms.MaxLoss,
            Collateral = terms.Collateral,
            ScalesPositionId = position.ScalesPositionId,
        };
    }

    /// <summary>The STOCK position of an assignment: per share, multiplier 1, no stop or target, at risk what the shares cost.</summary>
    public static Position Shares(AssignedShares shares, long positionId, DateTimeOffset now) => new()
    {
        PositionId = positionId,
        RequestId = shares.RequestId,
        Ticker = shares.Ticker,
        StrategyType = StrategyType.Stock,
        Status = PositionStatus.Open,
        EntryDate = shares.At.ToUniversalTime(),
        EntryPrice = shares.Price,
        Quantity = shares.Shares,
        StopLoss = 0m,
        ProfitTarget = 0m,
        DaysHeld = 0,
        Legs = ValueList<OptionLeg>.Empty,
        Notes = shares.Notes(),
        LastUpdated = now,
        Multiplier = 1,
        Fees = 0m,
        MaxLoss = shares.Cost(),
        Collateral = shares.Cost(),
    };
}
