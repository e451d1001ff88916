using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading;

/// <summary>The trading state is HALTED: no order goes out, closes included (HTTP 409).</summary>
public sealed class TradingHaltedException(long positionId)
    : TradingRuleException($"TRADING_HALTED: no orders go out while trading is HALTED (resume or move to REDUCING to close); position {positionId} stays OPEN.");
