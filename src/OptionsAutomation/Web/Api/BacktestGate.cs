namespace OptionsAutomation.Web.Api;

/// <summary>
/// One backtest at a time in the web process: a replay takes a core for seconds (the whole history, about 6 s), and the
/// worker's jobs share the machine. A second request while one runs is refused (409), not queued: a queue would hold
/// connections open for minutes and let one client starve the rest.
/// </summary>
internal sealed class BacktestGate : IDisposable
{
    private readonly SemaphoreSlim _slot = new(1, 1);

    /// <summary>The slot, released when the returned handle is disposed; <see cref="BacktestBusyException"/> when taken.</summary>
    public IDisposable Enter() => _slot.Wait(0) ? new Release(_slot) : throw new BacktestBusyException();

    public void Dispose() => _slot.Dispose();

    private sealed class Release(SemaphoreSlim slot) : IDisposable
    {
        public void Dispose() => slot.Release();
    }
}

/// <summary>Another backtest is running in this process; answered 409.</summary>
internal sealed class BacktestBusyException() : Exception("a backtest is already running in this service; try again when it has finished.");

/// <summary>A backtest ran past <see cref="BacktestEndpoints.TimeLimit"/> and was stopped; answered 503.</summary>
internal sealed class BacktestTimeLimitException(TimeSpan limit)
    : Exception($"the backtest did not finish within {limit.TotalSeconds:0} s and was stopped; choose a shorter range or run optauto backtest.");
