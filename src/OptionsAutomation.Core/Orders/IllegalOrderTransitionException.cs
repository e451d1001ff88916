namespace OptionsAutomation.Core.Orders;

/// <summary>
/// An order was asked to move where its state machine does not go (out of a final state, or its filled quantity
/// shrinking). That is a bug or a broker contradicting itself, never a business outcome: nothing is written.
/// </summary>
public sealed class IllegalOrderTransitionException(string clientOrderId, OrderStatus from, int filledFrom, OrderStatus to, int filledTo)
    : InvalidOperationException($"order {clientOrderId}: illegal transition {from.ToCode()} ({filledFrom} filled) → {to.ToCode()} ({filledTo} filled)");
