using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// Someone else is already working on this: a closing order for the position is at work, or an approval of the
/// proposal is running in another process. Nothing was sent; ask again once it is final (HTTP 409).
/// </summary>
public sealed class OrderInProgressException(string message) : TradingRuleException(message)
{
    public static OrderInProgressException Closing(long positionId, string clientOrderId) =>
        new($"IN_PROGRESS: closing order {clientOrderId} for position {positionId} is still working; no second order was sent — try again when it is final.");

    public static OrderInProgressException Approving(string requestId) =>
        new($"IN_PROGRESS: proposal {requestId} is being executed elsewhere; try again for its outcome.");
}
