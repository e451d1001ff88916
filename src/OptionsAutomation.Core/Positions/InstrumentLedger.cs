using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Positions;

/// <summary>
/// The position in one instrument as its fills made it. As in NautilusTrader, it changes only by applying a fill,
/// and every change is a new value. Quantity is signed (long above 0, short below); amounts are in currency units
/// (price × quantity × multiplier). Realized P&amp;L is gross: fees are kept apart and the net is derived from both.
/// A sell to open is as ordinary as a buy: covering a short realizes (open price − close price) × quantity × multiplier.
/// The open lots live in a <see cref="SharedRun{T}"/>: a fill adds or consumes lots without copying the others, and an
/// older version stays as it was (applying a fill to it again copies its lots once).
/// </summary>
public sealed record InstrumentLedger
{
    private SharedRun<OpenLot> Lots { get; init; }

    private InstrumentLedger(string symbol, int multiplier, RealizedPnlMethod method)
    {
        Symbol = symbol;
        Multiplier = multiplier;
        Method = method;
    }

    public string Symbol { get; }

    public int Multiplier { get; }

    public RealizedPnlMethod Method { get; }

    /// <summary>Long above 0, short below 0, flat 0.</summary>
    public int Quantity { get; private init; }

    /// <summary>
    /// What the open quantity cost, in currency and positive on either side (for a short, what was received). Under
    /// FIFO it is the sum of the open lots; under average cost what remains after each close took its share.
    /// </summary>
    public decimal CostBasis { get; private init; }

    /// <summary>
    /// The opening fills still open, oldest first: the lots a close consumes. Under average cost they are consumed
    /// in the same order, but the cost comes from <see cref="CostBasis"/>, not from their prices.
    /// </summary>
    public ValueList<OpenLot> OpenLots => new(Lots.ToArray());

    /// <summary>Gross realized P&amp;L, before fees.</summary>
    public decimal RealizedPnl { get; private init; }

    /// <summary>Every fee paid on this instrument, on opening and closing fills alike.</summary>
    public decimal Fees { get; private init; }

    public DateTimeOffset? LastFillAt { get; private init; }

    /// <summary>The last mark (per share) of the current position; null when flat or not yet marked.</summary>
    public decimal? MarkPrice => Marks?.Price;

    /// <summary>Maximum adverse excursion: the worst unrealized P&amp;L the current position showed when marked.</summary>
    public decimal? Mae => Marks?.Mae;

    /// <summary>Maximum favourable excursion: the best unrealized P&amp;L the current position showed when marked.</summary>
    public decimal? Mfe => Marks?.Mfe;

    /// <summary>
    /// The mark and excursions, together and apart from the rest: every fill copies the ledger, and three nullable decimals
    /// that only marking changes were a third of the copy.
    /// </summary>
    private PositionMarks? Marks { get; init; }

    public decimal NetRealizedPnl => RealizedPnl - Fees;

    public bool IsFlat => Quantity == 0;

    /// <summary>Average open price per share; null when flat.</summary>
    public decimal? AveragePrice => IsFlat ? null : CostBasis / (Math.Abs(Quantity) * Multiplier);

    /// <summary>Unrealized P&amp;L at the last mark: 0 when flat, null when open but never marked.</summary>
    public decimal? UnrealizedPnl => IsFlat ? 0m : MarkPrice is { } mark ? UnrealizedPnlAt(mark) : null;

    /// <exception cref="PositionRuleException">for a blank symbol, a multiplier below 1 or an unknown method.</exception>
    public static InstrumentLedger Flat(string symbol, int multiplier, RealizedPnlMethod method)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(symbol))
        {
            errors.Add("symbol is blank.");
        }

        if (multiplier <= 0)
        {
            errors.Add($"multiplier must be above 0, was {multiplier}.");
        }

        if (!Enum.IsDefined(method))
        {
            errors.Add($"realized P&L method {(int)method} is neither FIFO nor average cost.");
        }

        PositionRuleException.ThrowIfAny(errors);
        return new InstrumentLedger(symbol.Trim(), multiplier, method);
    }

    /// <summary>What the open position would make or lose if closed at <paramref name="markPrice"/> per share (gross).</summary>
    public decimal UnrealizedPnlAt(decimal markPrice) => Math.Sign(Quantity) * (Value(markPrice, Math.Abs(Quantity)) - CostBasis);

    /// <summary>
    /// Marks the position at <paramref name="markPrice"/> per share and widens MAE/MFE by its unrealized P&amp;L. A flat
    /// ledger has no position to mark and is returned unchanged.
    /// </summary>
    /// <exception cref="PositionRuleException">for a negative price.</exception>
    public InstrumentLedger Mark(decimal markPrice)
    {
        if (markPrice < 0m)
        {
            throw new PositionRuleException([$"mark price must not be negative, was {markPrice}."]);
        }

        if (IsFlat)
        {
            return this;
        }

        var pnl = UnrealizedPnlAt(markPrice);
        return this with { Marks = new PositionMarks(markPrice, Math.Min(Mae ?? pnl, pnl), Math.Max(Mfe ?? pnl, pnl)) };
    }

    /// <summary>
    /// Applies a fill: one on the side of the position (or on a flat ledger) opens a lot; one against it closes and
    /// realizes. A fill larger than the position flips it, as a close of the whole position followed by an open of
    /// the rest on the other side, the fee pro-rated between the two by quantity.
    /// </summary>
    /// <exception cref="PositionRuleException">for a fill of another symbol or multiplier, or one older than the last fill.</exception>
    public LedgerChange Apply(Fill fill)
    {
        Check(fill);
        var held = Math.Abs(Quantity);
        if (IsFlat || Math.Sign(fill.SignedQuantity) == Math.Sign(Quantity))
        {
            return new LedgerChange(Open(fill), null);
        }

        if (fill.Quantity <= held)
        {
            return Close(fill);
        }

        var (closing, opening) = fill.Split(held);
        var closed = Close(closing);
        return closed with { Ledger = closed.Ledger.Open(opening) };
    }

    private void Check(Fill fill)
    {
        // The fast path allocates nothing: a replay checks every fill.
        if (string.Equals(fill.Symbol, Symbol, StringComparison.Ordinal) && fill.Multiplier == Multiplier
            && (LastFillAt is not { } lastFill || fill.Time >= lastFill))
        {
            return;
        }

        var errors = new List<string>();
        if (!string.Equals(fill.Symbol, Symbol, StringComparison.Ordinal))
        {
            errors.Add($"a fill for {fill.Symbol} cannot change the ledger of {Symbol}.");
        }

        if (fill.Multiplier != Multiplier)
        {
            errors.Add($"{Symbol} has multiplier {Multiplier}, the fill {fill.Multiplier}.");
        }

        // FIFO matches against the oldest lot, so applying fills out of order would change what they realize.
        if (LastFillAt is { } last && fill.Time < last)
        {
            errors.Add($"a fill at {fill.Time:O} is older than the last fill of {Symbol} at {last:O}; fills apply in time order.");
        }

        PositionRuleException.ThrowIfAny(errors);
    }

    private InstrumentLedger Open(Fill fill) => this with
    {
        Quantity = Quantity + fill.SignedQuantity,
        CostBasis = CostBasis + Value(fill.Price, fill.Quantity),
        Lots = Lots.Append(new OpenLot(fill.Time, fill.Quantity, fill.Price)),
        Fees = Fees + fill.Fee,
        LastFillAt = fill.Time,
    };

    /// <summary>Closes <paramref name="fill"/>'s quantity, at most the whole position.</summary>
    private LedgerChange Close(Fill fill)
    {
        var (remainingLots, lotsCost) = ConsumeLots(fill.Quantity);
        var cost = CostOfClosing(fill.Quantity, lotsCost);
        var proceeds = Value(fill.Price, fill.Quantity);
        var realized = Quantity > 0 ? proceeds - cost : cost - proceeds;
        var quantity = Quantity + fill.SignedQuantity;
        // Once flat the position is over: the next one starts with no mark and its own excursions.
        var over = quantity == 0;
        var ledger = this with
        {
            Quantity = quantity,
            CostBasis = CostBasis - cost,
            Lots = remainingLots,
            RealizedPnl = RealizedPnl + realized,
            Fees = Fees + fill.Fee,
            LastFillAt = fill.Time,
            Marks = over ? null : Marks,
        };
        return new LedgerChange(ledger, new RealizingFill(fill.Time, fill.Side, fill.Quantity, fill.Price, fill.Fee, realized));
    }

    private decimal CostOfClosing(int quantity, decimal lotsCost)
    {
        if (Method == RealizedPnlMethod.Fifo)
        {
            return lotsCost;
        }

        var held = Math.Abs(Quantity);
        // A partial close takes its share of the average cost, rounded to the cent. The rounding stays in the cost of
        // what remains open and comes back when that closes, so once flat the total realized is exact (and FIFO's).
        return quantity == held
            ? CostBasis
            : decimal.Round(CostBasis * quantity / held, PriceRules.AmountDecimals, MidpointRounding.AwayFromZero);
    }

    /// <summary>Takes <paramref name="quantity"/> units from the oldest lots; returns what stays open and what the taken units cost.</summary>
    private (SharedRun<OpenLot> Remaining, decimal Cost) ConsumeLots(int quantity)
    {
        var cost = 0m;
        var toTake = quantity;
        var whole = 0;
        while (toTake > 0)
        {
            var lot = Lots[whole];
            var taken = Math.Min(lot.Quantity, toTake);
            toTake -= taken;
            cost += Value(lot.Price, taken);
            if (taken < lot.Quantity)
            {
                return (Lots.DropFirst(whole).WithFirst(lot with { Quantity = lot.Quantity - taken }), cost);
            }

            whole++;
        }

        return (Lots.DropFirst(whole), cost);
    }

    /// <summary>Value equality as for any record, the open lots compared lot by lot.</summary>
    public bool Equals(InstrumentLedger? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (string.Equals(Symbol, other.Symbol, StringComparison.Ordinal) && Multiplier == other.Multiplier && Method == other.Method
                && Quantity == other.Quantity && CostBasis == other.CostBasis && RealizedPnl == other.RealizedPnl && Fees == other.Fees
                && LastFillAt == other.LastFillAt && MarkPrice == other.MarkPrice && Mae == other.Mae && Mfe == other.Mfe
                && Lots.Equals(other.Lots)));

    public override int GetHashCode() => HashCode.Combine(Symbol, Quantity, CostBasis, RealizedPnl, Fees, LastFillAt, Lots);

    // One decimal multiplication instead of two; exact either way, with the price's scale.
    private decimal Value(decimal price, int quantity) => price * ((long)quantity * Multiplier);

    private sealed record PositionMarks(decimal Price, decimal Mae, decimal Mfe);
}
