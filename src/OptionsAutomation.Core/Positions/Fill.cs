using OptionsAutomation.Core.Instruments;

namespace OptionsAutomation.Core.Positions;

/// <summary>
/// One execution, the only thing that changes a ledger. <see cref="Price"/> is per share as brokers quote it,
/// <see cref="Fee"/> the commissions and fees of the whole fill in currency units, and <see cref="Multiplier"/>
/// turns a price into currency (100 for an equity option, 1 for shares). Built only through the constructor,
/// which refuses an invalid fill listing every problem, so a <see cref="Fill"/> is always valid.
/// </summary>
public sealed record Fill
{
    /// <exception cref="PositionRuleException">listing every problem with the fill.</exception>
    public Fill(DateTimeOffset time, string symbol, FillSide side, int quantity, decimal price, decimal fee, int multiplier)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(symbol))
        {
            errors.Add("symbol is blank.");
        }

        if (!Enum.IsDefined(side))
        {
            errors.Add($"side {(int)side} is neither buy nor sell.");
        }

        if (quantity <= 0)
        {
            errors.Add($"quantity must be at least 1, was {quantity}.");
        }

        PriceRules.RequireNonNegative(errors, "price", price, PriceRules.PriceDecimals);
        PriceRules.RequireNonNegative(errors, "fee", fee, PriceRules.AmountDecimals);
        if (multiplier <= 0)
        {
            errors.Add($"multiplier must be above 0, was {multiplier}.");
        }

        PositionRuleException.ThrowIfAny(errors);
        Time = time.ToUniversalTime();
        Symbol = symbol.Trim();
        Side = side;
        Quantity = quantity;
        Price = price;
        Fee = fee;
        Multiplier = multiplier;
    }

    public DateTimeOffset Time { get; }

    /// <summary>A stock ticker or an OCC option symbol; one ledger per symbol.</summary>
    public string Symbol { get; }

    public FillSide Side { get; }

    /// <summary>Shares or contracts, always positive; <see cref="Side"/> gives the direction.</summary>
    public int Quantity { get; }

    public decimal Price { get; }

    public decimal Fee { get; }

    public int Multiplier { get; }

    /// <summary>The change in position: + for a buy, − for a sell.</summary>
    public int SignedQuantity => Side == FillSide.Buy ? Quantity : -Quantity;

    /// <summary>
    /// Splits the fill into its first <paramref name="quantity"/> units and the rest, at the same time and price,
    /// with the fee pro-rated by quantity. The first part's fee is rounded to the cent and the rest gets the
    /// remainder, so the two fees are whole cents and add up to the fill's fee exactly.
    /// </summary>
    public (Fill First, Fill Remainder) Split(int quantity)
    {
        if (quantity <= 0 || quantity >= Quantity)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"a fill of {Quantity} splits into two parts of at least 1.");
        }

        var firstFee = decimal.Round(Fee * quantity / Quantity, PriceRules.AmountDecimals, MidpointRounding.AwayFromZero);
        return (
            new Fill(Time, Symbol, Side, quantity, Price, firstFee, Multiplier),
            new Fill(Time, Symbol, Side, Quantity - quantity, Price, Fee - firstFee, Multiplier));
    }
}
