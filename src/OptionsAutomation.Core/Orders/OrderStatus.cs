namespace OptionsAutomation.Core.Orders;

/// <summary>
/// Where an order is in its life. FILLED, CANCELLED and REJECTED are final. PENDING and UNKNOWN are ours, never a
/// broker's answer: PENDING is recorded before the broker is called, UNKNOWN after a call whose outcome we did not
/// learn (a timeout, a crash, an order the broker does not know). <see cref="OrderLifecycle"/> says which moves are legal.
/// </summary>
public enum OrderStatus
{
    /// <summary>Recorded, not yet acknowledged by the broker.</summary>
    Pending,

    /// <summary>Accepted and working (resting) with nothing filled yet.</summary>
    Submitted,

    /// <summary>Some of the quantity filled; the rest is still working.</summary>
    PartiallyFilled,

    Filled,

    /// <summary>Cancelled before it filled completely; whatever filled before stays filled.</summary>
    Cancelled,

    /// <summary>The broker refused it; nothing was traded.</summary>
    Rejected,

    /// <summary>We asked and got no answer: it may be working or filled at the broker; recovery asks again.</summary>
    Unknown,
}
