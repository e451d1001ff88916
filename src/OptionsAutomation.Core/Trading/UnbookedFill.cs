using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Core.Trading;

/// <summary>Why trading halts when a broker filled an order we cannot book (crossed quotes: a credit spread closed for a credit).</summary>
public static class UnbookedFill
{
    public static string Reason(OrderState outcome, string detail) =>
        $"UNBOOKED_FILL: order {outcome.ClientOrderId} filled {outcome.FilledQuantity} but could not be booked ({detail}); its fills are stored — reconcile with the broker, then resume";
}
