using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading;

/// <summary>The trading state is HALTED: no order goes out, closes included (HTTP 409).</summary>
public sealed class TradingHaltedException(string message) : TradingRuleException(message)
{
    public static TradingHaltedException Closing(long positionId) =>
        new($"TRADING_HALTED: no orders go out while trading is HALTED (resume or move to REDUCING to close); position {positionId} stays OPEN.");

    /// <summary>An emergency reduction refused: it never loosens HALTED, and HALTED would send none of its orders.</summary>
    public static TradingHaltedException Reducing() =>
        new("TRADING_HALTED: no orders go out while trading is HALTED, and close-all never loosens it; nothing was sent. Move to REDUCING (trading reduce) to close.");
}
