using System.Globalization;

namespace OptionsAutomation.Core.Exits;

/// <summary>
/// Shares received when a cash-secured put is assigned. They are booked at the underlying's close
/// (<see cref="Price"/>), so the put's own P&amp;L stays honest; <see cref="CostBasisPerShare"/> (strike −
/// credit) is the tax basis a broker reports, and the two P&amp;Ls add up to the broker's.
/// </summary>
public sealed record AssignedShares(
    string RequestId,
    string Ticker,
    int Shares,
    decimal Price,
    decimal CostBasisPerShare,
    long FromPositionId,
    DateTimeOffset At)
{
    // Methods, not properties: the record is serialised as it is (audit, --json), and these are not part of it.

    /// <summary>What the shares cost at <see cref="Price"/>: the STOCK position's max loss and collateral.</summary>
    public decimal Cost() => Price * Shares;

    /// <summary>The STOCK position's notes: where the shares came from and their tax basis.</summary>
    public string Notes() => string.Create(CultureInfo.InvariantCulture,
        $"assigned from position {FromPositionId}; tax cost basis {CostBasisPerShare:0.00##}/share (strike − credit)");
}
