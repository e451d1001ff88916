namespace OptionsAutomation.Core.Trading;

/// <summary>
/// What the risk job keeps between its minute runs so each reads only what changed (<see cref="PortfolioRiskService.ReportAsync(DateTimeOffset, RiskMemory?, CancellationToken)"/>):
/// the underlyings' closes of past sessions, fixed for a New York day and read once per day, and the realized P&amp;L per
/// day, caught up from the trade rows added since the last run. (The previous day's snapshot is one indexed row, read each
/// run.) A new instance (a restart) reads everything once. Not thread-safe: one run at a time (<see cref="RiskMonitor"/>).
/// </summary>
public sealed class RiskMemory
{
    private readonly Dictionary<string, IReadOnlyList<decimal?>> _closes = new(StringComparer.Ordinal);
    private DateOnly? _day;

    public RealizedPnlByDay Realized { get; } = new();

    /// <summary>Forgets what belonged to another New York day: a new day has a new session in its history.</summary>
    public void StartDay(DateOnly today)
    {
        if (_day != today)
        {
            _day = today;
            _closes.Clear();
        }
    }

    public bool TryGetCloses(string symbol, out IReadOnlyList<decimal?> closes) => _closes.TryGetValue(symbol, out closes!);

    public void RememberCloses(string symbol, IReadOnlyList<decimal?> closes) => _closes[symbol] = closes;
}
