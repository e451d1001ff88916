using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Marks;

namespace OptionsAutomation.Core.Risk.Portfolio;

/// <summary>
/// One open position's risk, in dollars from the holder's side. <see cref="MarketValue"/> is what the position
/// is worth (negative for a credit strategy: buying it back costs money), <see cref="CostBasis"/> what opening it
/// brought in or cost (−credit for a credit strategy, the price of shares), and <see cref="UnrealizedPnl"/> the
/// P&amp;L after fees were it closed at <see cref="Mark"/> (as <c>positions.unrealized_pnl</c>); the mark is the position's
/// last stored one when it has one (the positions list shows the same), else the quotes' (<see cref="MarkSource"/>), as
/// of <see cref="MarkedAt"/>;
/// <see cref="ReturnPercent"/> is that P&amp;L as a percentage of the max profit (credit) or cost (shares), like
/// <c>pnl_percent</c>. Greeks are <see cref="DollarGreeks"/>; <see cref="ComponentVar"/> the position's share of the
/// parametric VaR (null without history). <see cref="Spot"/> (the underlying's price the Greeks were taken at),
/// <see cref="Greeks"/> (in the underlying's units, as marks store them) and <see cref="Legs"/> (each option leg's volatility and
/// vega; empty for shares) let the P&amp;L between two snapshots be attributed to the Greeks; snapshots stored before
/// they existed read them as null.
/// </summary>
public sealed record PositionRisk(
    long PositionId,
    string Ticker,
    StrategyType StrategyType,
    int Quantity,
    decimal Mark,
    decimal MarketValue,
    decimal CostBasis,
    decimal UnrealizedPnl,
    decimal ReturnPercent,
    int AgeDays,
    decimal DeltaDollars,
    decimal GammaDollars,
    decimal ThetaDollars,
    decimal VegaDollars,
    decimal Exposure,
    decimal MaxLoss,
    decimal? ComponentVar,
    decimal? Spot = null,
    PositionGreeks? Greeks = null,
    IReadOnlyList<LegRisk>? Legs = null,
    string? MarkSource = null,
    DateTimeOffset? MarkedAt = null);

/// <summary>Where a <see cref="PositionRisk.Mark"/> came from.</summary>
public static class MarkSources
{
    /// <summary>The last mark stored by the mark-to-market job or a person (<c>positions.mark_price</c>).</summary>
    public const string Stored = "stored";

    /// <summary>The legs' quote mids as of the report: the position was never marked.</summary>
    public const string Quotes = "quotes";

    /// <summary>The risk model's value: neither a stored mark nor usable mids.</summary>
    public const string Model = "model";
}
