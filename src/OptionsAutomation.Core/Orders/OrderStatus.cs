namespace OptionsAutomation.Core.Orders;

/// <summary>Where an order is in its life at the broker. FILLED, CANCELLED and REJECTED are final.</summary>
public enum OrderStatus
{
    /// <summary>Accepted and working (resting) with nothing filled yet.</summary>
    Submitted,

    /// <summary>Some of the quantity filled; the rest is still working.</summary>
    PartiallyFilled,

    Filled,

    /// <summary>Cancelled before it filled completely; whatever filled before stays filled.</summary>
    Cancelled,

    /// <summary>The broker refused it; nothing was traded.</summary>
    Rejected,
}
