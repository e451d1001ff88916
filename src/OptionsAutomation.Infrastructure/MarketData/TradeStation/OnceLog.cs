using Microsoft.Extensions.Logging;

namespace OptionsAutomation.Infrastructure.MarketData.TradeStation;

/// <summary>
/// Logs a problem the first time it happens and stays quiet while it lasts: a failing endpoint polled every tick
/// would otherwise fill the log. <see cref="Resolved"/> re-arms it and says so once.
/// </summary>
internal sealed class OnceLog(ILogger logger)
{
    private readonly HashSet<string> _open = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Warn(string key, string message)
    {
        lock (_gate)
        {
            if (!_open.Add(key))
            {
                return;
            }
        }

        logger.LogWarning("TradeStation market data: {Problem} (logged once until it recovers)", message);
    }

    public void Resolved(string key)
    {
        lock (_gate)
        {
            if (!_open.Remove(key))
            {
                return;
            }
        }

        logger.LogInformation("TradeStation market data: {Key} works again", key);
    }
}
