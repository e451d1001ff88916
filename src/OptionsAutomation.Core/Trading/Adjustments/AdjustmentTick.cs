using OptionsAutomation.Core.MarketData;

namespace OptionsAutomation.Core.Trading.Adjustments;

/// <summary>
/// What one tick's adjustment review reads once and shares across its batches: the positions with a PENDING
/// recommendation when it began, and each ticker's chain (read only for a position that may get a recommendation).
/// </summary>
public sealed class AdjustmentTick(IReadOnlySet<long> pending)
{
    public Dictionary<string, OptionChain?> Chains { get; } = new(StringComparer.Ordinal);

    public bool HasPending(long positionId) => pending.Contains(positionId);
}
