namespace OptionsAutomation.Core.Trading;

/// <summary>
/// One turn at a time per key inside this process: callers wait in memory (no connection, no command timeout)
/// and go in order. Pair it with a cross-process lock taken only by whoever holds the turn.
/// </summary>
public sealed class KeyedGate
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Waits for the key's turn; dispose the result to hand it on.</summary>
    public async Task<IAsyncDisposable> EnterAsync(string key, CancellationToken cancellationToken)
    {
        var entry = Join(key);
        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(key, entry, release: false);
            throw;
        }

        return new Turn(this, key, entry);
    }

    /// <summary>The key's turn if nobody holds it now, else null at once.</summary>
    public IAsyncDisposable? TryEnter(string key)
    {
        var entry = Join(key);
        if (entry.Semaphore.Wait(0))
        {
            return new Turn(this, key, entry);
        }

        Leave(key, entry, release: false);
        return null;
    }

    /// <summary>
    /// Waits for the key's turn here, then takes <paramref name="crossProcess"/> (a lock other processes honour) without
    /// waiting; null when another process holds that. Dispose the result to release both, the cross-process lock first.
    /// </summary>
    public async Task<IAsyncDisposable?> EnterAsync(string key, Func<CancellationToken, Task<IAsyncDisposable?>> crossProcess, CancellationToken cancellationToken) =>
        await BothAsync(await EnterAsync(key, cancellationToken).ConfigureAwait(false), crossProcess, cancellationToken).ConfigureAwait(false);

    /// <summary>Like <see cref="EnterAsync(string, Func{CancellationToken, Task{IAsyncDisposable}}, CancellationToken)"/>, but null at once when the key is busy here too.</summary>
    public async Task<IAsyncDisposable?> TryEnterAsync(string key, Func<CancellationToken, Task<IAsyncDisposable?>> crossProcess, CancellationToken cancellationToken) =>
        TryEnter(key) is { } turn ? await BothAsync(turn, crossProcess, cancellationToken).ConfigureAwait(false) : null;

    private static async Task<IAsyncDisposable?> BothAsync(IAsyncDisposable turn, Func<CancellationToken, Task<IAsyncDisposable?>> crossProcess, CancellationToken cancellationToken)
    {
        IAsyncDisposable? held;
        try
        {
            held = await crossProcess(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await turn.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        if (held is null)
        {
            await turn.DisposeAsync().ConfigureAwait(false);
            return null;
        }

        return new Both(held, turn);
    }

    private sealed class Both(IAsyncDisposable held, IAsyncDisposable turn) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await held.DisposeAsync().ConfigureAwait(false);
            await turn.DisposeAsync().ConfigureAwait(false);
        }
    }

    private Entry Join(string key)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                entry = new Entry();
                _entries.Add(key, entry);
            }

            entry.Users++;
            return entry;
        }
    }

    private void Leave(string key, Entry entry, bool release)
    {
        lock (_lock)
        {
            if (release)
            {
                entry.Semaphore.Release();
            }

            // The last one out removes the key, so the map holds only keys someone is using.
            if (--entry.Users == 0)
            {
                _entries.Remove(key);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Turn(KeyedGate gate, string key, Entry entry) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Leave(key, entry, release: true);
            }

            return ValueTask.CompletedTask;
        }
    }
}
