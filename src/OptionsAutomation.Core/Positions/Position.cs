using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Marks;

namespace OptionsAutomation.Core.Positions;

/// <summary>
/// A stored position, one property per column of <c>positions</c>. Prices are per share, amounts in
/// dollars; <see cref="StopLoss"/> and <see cref="ProfitTarget"/> are dollar thresholds on P&amp;L.
/// </summary>
public sealed record Position
{
    public required long PositionId { get; init; }
    public required string RequestId { get; init; }
    public required string Ticker { get; init; }
    public required StrategyType StrategyType { get; init; }
    public required PositionStatus Status { get; init; }
    public required DateTimeOffset EntryDate { get; init; }
    public required decimal EntryPrice { get; init; }
    /// <summary>Contracts (or shares) still open; a partial close lowers it and raises <see cref="ClosedQuantity"/>.</summary>
    public required int Quantity { get; init; }
    /// <summary>Contracts closed by partial closes so far; <see cref="RealizedPnl"/> holds their P&amp;L while the rest is open.</summary>
    public int ClosedQuantity { get; init; }
    public DateTimeOffset? ExitDate { get; init; }
    public decimal? ExitPrice { get; init; }
    public ExitReason? ExitReason { get; init; }
    public decimal? UnrealizedPnl { get; init; }
    public decimal? RealizedPnl { get; init; }
    public decimal? PnlPercent { get; init; }
    public required decimal StopLoss { get; init; }
    public required decimal ProfitTarget { get; init; }
    public int? DaysHeld { get; init; }
    public required ValueList<OptionLeg> Legs { get; init; }
    public string? Notes { get; init; }
    public required DateTimeOffset LastUpdated { get; init; }
    /// <summary>Null for STOCK.</summary>
    public DateOnly? Expiration { get; init; }
    /// <summary>Null for STOCK.</summary>
    public decimal? ShortStrike { get; init; }
    public decimal? LongStrike { get; init; }
    public required int Multiplier { get; init; }
    public decimal? MarkPrice { get; init; }
    public DateTimeOffset? MarkedAt { get; init; }
    public required decimal Fees { get; init; }
    public required decimal MaxLoss { get; init; }
    public required decimal Collateral { get; init; }
    public MarkQuality? MarkStatus { get; init; }
    public string? MarkProblem { get; init; }
    public decimal? Mae { get; init; }
    public decimal? Mfe { get; init; }
    public int StopBreaches { get; init; }
    /// <summary>
    /// A closing order for reason <c>scale_out</c> filled (in whole or part): the first target was taken and is not taken
    /// again. Set by <see cref="Reduce"/> in the close that writes the <c>scale_out</c> trade row; not a column: the store reads
    /// it as whether that <c>trade_history</c> row exists.
    /// </summary>
    public bool ScaledOut { get; init; }
    /// <summary>
    /// A lot added by scaling in: the first position it adds to. Its own row because it has its own opening order and
    /// entry price (positions change only by fills); null for a first position.
    /// </summary>
    public long? ScalesPositionId { get; init; }
    /// <summary>Share-equivalent delta (see <see cref="PositionGreeks"/> for all four units).</summary>
    public decimal? Delta { get; init; }
    public decimal? Gamma { get; init; }
    public decimal? Theta { get; init; }
    public decimal? Vega { get; init; }

    public PositionGreeks? Greeks() =>
        Delta is { } delta && Gamma is { } gamma && Theta is { } theta && Vega is { } vega ? new(delta, gamma, theta, vega) : null;

    /// <summary>An option strategy (CSP, VPC) rather than shares.</summary>
    public bool IsOption => StrategyType != StrategyType.Stock;

    /// <summary>Entered by <paramref name="instant"/> and not closed by then (a close at that instant counts as closed).</summary>
    public bool WasOpenAt(DateTimeOffset instant) => EntryDate <= instant && (ExitDate is not { } exit || exit > instant);

    /// <summary>Calendar days from <paramref name="today"/> (a New York date) to expiration.</summary>
    public int DaysToExpiry(DateOnly today) =>
        (Expiration ?? throw new InvalidOperationException($"position {PositionId} ({StrategyType.ToCode()}) has no expiration."))
        .DayNumber - today.DayNumber;

    /// <summary>
    /// P&amp;L after fees if the position were closed at <paramref name="price"/>: for a credit strategy the
    /// net debit per share paid to close; for shares (held long) the sale price.
    /// </summary>
    public decimal PnlAt(decimal price) => IsOption
        ? CreditPnl.Pnl(EntryPrice, price, Multiplier, Quantity, Fees)
        : CreditPnl.Dollars(price - EntryPrice, Multiplier, Quantity) - Fees;

    /// <summary>
    /// What <c>pnl_percent</c> is a percentage of: the max profit (the whole credit) of a credit strategy,
    /// the cost of shares.
    /// </summary>
    public decimal ReturnBase() => CreditPnl.Dollars(EntryPrice, Multiplier, Quantity);

    /// <summary>
    /// Closes the whole position at <paramref name="exit"/>'s debit. The P&amp;L is computed here from the
    /// stored entry, never taken from the caller.
    /// </summary>
    /// <exception cref="PositionNotOpenException">when the position is not OPEN.</exception>
    /// <exception cref="PositionRuleException">for a negative price or a close before the open.</exception>
    public ClosedPosition Close(PositionExit exit, DateTimeOffset now) => Reduce(Quantity, exit, now);

    /// <summary>
    /// Closes <paramref name="contracts"/> of the open quantity at <paramref name="exit"/>'s debit: a trade_history
    /// row for them (their share of the opening fees, pro rata and rounded to the cent, plus the closing fees), and
    /// the position left OPEN with the rest — its fees, target, stop, max loss and collateral scaled to what remains
    /// and the realized P&amp;L so far in <see cref="RealizedPnl"/>. Closing every contract closes the position, its
    /// <see cref="RealizedPnl"/> the sum over all its closes.
    /// </summary>
    /// <exception cref="PositionNotOpenException">when the position is not OPEN.</exception>
    /// <exception cref="PositionRuleException">for a quantity outside 1..open, a negative price or a close before the open.</exception>
    public ClosedPosition Reduce(int contracts, PositionExit exit, DateTimeOffset now)
    {
        if (Status != PositionStatus.Open)
        {
            throw new PositionNotOpenException(PositionId, Status);
        }

        var errors = new List<string>();
        if (contracts < 1 || contracts > Quantity)
        {
            errors.Add($"closing quantity {contracts} is outside 1..{Quantity} (the open quantity).");
        }

        PriceRules.RequireNonNegative(errors, "exit price", exit.ExitPrice, PriceRules.PriceDecimals);
        PriceRules.RequireNonNegative(errors, "closing fees", exit.ClosingFees, PriceRules.AmountDecimals);
        var closedAt = exit.ClosedAt.ToUniversalTime();
        if (closedAt < EntryDate)
        {
            errors.Add($"closed-at {closedAt:O} is before the position opened ({EntryDate:O}).");
        }

        if (closedAt > now)
        {
            errors.Add($"closed-at {closedAt:O} is in the future.");
        }

        PositionRuleException.ThrowIfAny(errors);

        var whole = contracts == Quantity;
        var part = this with
        {
            Quantity = contracts,
            Fees = Share(Fees, contracts) + exit.ClosingFees,
            Collateral = Share(Collateral, contracts),
            MaxLoss = Share(MaxLoss, contracts),
            ProfitTarget = Share(ProfitTarget, contracts),
        };
        var realized = part.PnlAt(exit.ExitPrice);
        var percent = CreditPnl.PercentOfMaxProfit(realized, part.ReturnBase());
        var daysHeld = MarketTime.DateOf(closedAt).DayNumber - MarketTime.DateOf(EntryDate).DayNumber;
        var status = exit.Reason switch
        {
            Exits.ExitReason.Expired => PositionStatus.Expired,
            Exits.ExitReason.Assigned => PositionStatus.Assigned,
            _ => PositionStatus.Closed,
        };

        var trade = new TradeRecord
        {
            RequestId = RequestId,
            PositionId = PositionId,
            Ticker = Ticker,
            StrategyType = StrategyType,
            EntryDate = EntryDate,
            EntryPrice = EntryPrice,
            Quantity = contracts,
            ExitDate = closedAt,
            ExitPrice = exit.ExitPrice,
            PnlRealized = realized,
            PnlPercent = percent,
            WinLoss = CreditPnl.Outcome(realized),
            CollateralRequired = part.Collateral,
            MaxRisk = part.MaxLoss,
            TargetReturn = part.ProfitTarget,
            Status = status,
            ExecutedBy = exit.ExecutedBy,
            ExitReason = exit.Reason,
            Fees = part.Fees,
            CreatedAt = now,
            ClosedAt = closedAt,
            ClientOrderId = exit.ClientOrderId,
        };

        var realizedSoFar = (RealizedPnl ?? 0m) + realized;
        if (!whole)
        {
            var rest = this with
            {
                Quantity = Quantity - contracts,
                ClosedQuantity = ClosedQuantity + contracts,
                Fees = Fees - Share(Fees, contracts),
                Collateral = Collateral - part.Collateral,
                MaxLoss = MaxLoss - part.MaxLoss,
                ProfitTarget = ProfitTarget - part.ProfitTarget,
                StopLoss = StopLoss - Share(StopLoss, contracts),
                RealizedPnl = realizedSoFar,
                ScaledOut = ScaledOut || exit.Reason == Exits.ExitReason.ScaleOut,
                LastUpdated = now,
            };
            return new ClosedPosition(rest with { UnrealizedPnl = rest.MarkPrice is { } mark ? rest.PnlAt(mark) : null }, trade);
        }

        var everything = this with { Quantity = Quantity + ClosedQuantity };
        var closed = this with
        {
            Status = status,
            ExitDate = closedAt,
            ExitPrice = exit.ExitPrice,
            ExitReason = exit.Reason,
            UnrealizedPnl = 0m,
            RealizedPnl = realizedSoFar,
            PnlPercent = CreditPnl.PercentOfMaxProfit(realizedSoFar, everything.ReturnBase()),
            DaysHeld = daysHeld,
            Fees = Fees + exit.ClosingFees,
            LastUpdated = now,
        };
        return new ClosedPosition(closed, trade);
    }

    /// <summary>The part of a dollar amount that belongs to <paramref name="contracts"/> of the open quantity, to the cent.</summary>
    private decimal Share(decimal amount, int contracts) =>
        contracts == Quantity ? amount : decimal.Round(amount * contracts / Quantity, 2, MidpointRounding.AwayFromZero);
}
