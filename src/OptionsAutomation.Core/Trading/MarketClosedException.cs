using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// A manual close asked for outside an NYSE session: a marketable order on the last session's quotes would fill at
/// prices nobody can see now (or rest and be cancelled, feeding the circuit breaker), so none is sent.
/// </summary>
public sealed class MarketClosedException(long positionId)
    : TradingRuleException($"MARKET_CLOSED: closing orders are sent only during an NYSE session (Execution:AllowOutsideSession overrides); position {positionId} stays OPEN.");
