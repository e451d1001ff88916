namespace OptionsAutomation.Core.Orders;

/// <summary>
/// Which orders to list: those of a position (its closing orders and the opening order of its request), those of a
/// request id, only working ones (not final). Null or false means no restriction.
/// </summary>
public sealed record OrderFilter(long? PositionId = null, string? RequestId = null, bool OpenOnly = false)
{
    /// <summary>The most orders one listing returns (newest first).</summary>
    public const int Limit = 500;

    public static OrderFilter All { get; } = new();
}
