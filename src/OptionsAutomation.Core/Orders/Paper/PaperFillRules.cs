namespace OptionsAutomation.Core.Orders.Paper;

/// <summary>
/// How a paper broker fills (<see cref="PaperExchange"/>): commission per contract, price improvement on marketable
/// orders, and how many units one evaluation fills. The Postgres paper broker binds them from <c>Broker:Paper</c>; a
/// backtest gives the same values, so both trade by one model.
/// </summary>
public record PaperFillRules
{
    /// <summary>Commission per option contract, in dollars.</summary>
    public decimal FeePerContract { get; init; } = 0.65m;

    /// <summary>Per-share improvement on each leg's fill versus the touch (buys below the ask, sells above the bid).</summary>
    public decimal PriceImprovement { get; init; }

    /// <summary>At most this many order units fill per evaluation (0 = no limit), so partial fills can be produced on purpose.</summary>
    public int MaxContractsPerFill { get; init; }
}
