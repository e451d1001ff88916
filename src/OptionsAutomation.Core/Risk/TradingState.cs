namespace OptionsAutomation.Core.Risk;

/// <summary>
/// The three-state trading switch (codes ACTIVE, REDUCING, HALTED). It only ever restricts opening orders:
/// closing orders are never blocked by it, because a switch meant to cut risk must not trap a position.
/// </summary>
public enum TradingState
{
    /// <summary>Opening and closing orders are allowed.</summary>
    Active,

    /// <summary>Only closing orders: existing risk may shrink, none may be added.</summary>
    Reducing,

    /// <summary>Nothing opens. Closing orders (exits, stops) still go out.</summary>
    Halted,
}
