using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// An open position with what the risk model needs to revalue it: its option legs (none for shares), the
/// underlying's spot and the mark (net debit per share to close a credit strategy, the price of shares): the last
/// stored one, else the quotes' when they gave one (<see cref="MarkSources"/>), as of <paramref name="MarkedAt"/>; without
/// a mark the model value stands in for it.
/// </summary>
public sealed record RiskPosition(
    Position Position, IReadOnlyList<RiskLeg> Legs, double Spot, decimal? Mark, string MarkSource = MarkSources.Quotes, DateTimeOffset? MarkedAt = null)
{
    public string Underlying => Position.Ticker;

    /// <summary>Shares held directly (assigned stock): one unit of delta each.</summary>
    public double ShareUnits => Position.IsOption ? 0 : (double)Position.Quantity * Position.Multiplier;
}
