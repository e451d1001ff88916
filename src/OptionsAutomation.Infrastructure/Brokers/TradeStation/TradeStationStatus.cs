using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

/// <summary>
/// TradeStation's order status codes onto <see cref="OrderStatus"/>. The documented groups: filled (FLL), done with a
/// partial fill (FLP), rejected (REJ), cancelled (CAN, EXP, OUT, RJR, SCN, TSC, UCH) and the open codes. Any code not
/// listed is taken as open: the order is polled again and, if it never ends, cancelled at our timeout — never booked.
/// </summary>
public static class TradeStationStatus
{
    private static readonly HashSet<string> Cancelled = new(["CAN", "EXP", "OUT", "RJR", "SCN", "TSC", "UCH"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The state for <paramref name="code"/> given how many order units filled so far.</summary>
    public static OrderStatus Map(string? code, int filledUnits, int quantity) => code?.Trim().ToUpperInvariant() switch
    {
        "FLL" => OrderStatus.Filled,
        "FLP" => filledUnits >= quantity ? OrderStatus.Filled : OrderStatus.Cancelled,
        "REJ" => OrderStatus.Rejected,
        { } c when Cancelled.Contains(c) => filledUnits >= quantity && quantity > 0 ? OrderStatus.Filled : OrderStatus.Cancelled,
        _ => filledUnits > 0 ? OrderStatus.PartiallyFilled : OrderStatus.Submitted,
    };
}
