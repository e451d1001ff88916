using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Core.Tests.Trading;

public sealed class KeyedGateTests
{
    private const int Callers = 50;

    /// <summary>How long a turn that should come may take before the test fails instead of hanging.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task EnterAsync_SameKey_OneTurnAtATime_AndEveryCallerGetsOne()
    {
        var gate = new KeyedGate();
        var occupancy = new Occupancy();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var callers = Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            var turn = await gate.EnterAsync("position-7", CancellationToken.None);
            await using (turn)
            {
                occupancy.Enter();
                await Task.Delay(1);
                occupancy.Leave();
            }
        })).ToArray();
        start.SetResult();
        await Task.WhenAll(callers).WaitAsync(Patience);

        Assert.Equal(1, occupancy.Most);
        Assert.Equal(Callers, occupancy.Turns);
        Assert.Equal(0, occupancy.Inside);
    }

    [Fact]
    public async Task EnterAsync_DifferentKeys_AreHeldAtTheSameTime()
    {
        var gate = new KeyedGate();
        var aInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Each holds its key until it sees the other inside: only possible if both turns are held at once.
        async Task HoldUntilTheOtherIsIn(string key, TaskCompletionSource mine, TaskCompletionSource theirs)
        {
            await using var turn = await gate.EnterAsync(key, CancellationToken.None);
            mine.SetResult();
            await theirs.Task;
        }

        var a = Task.Run(() => HoldUntilTheOtherIsIn("position-1", aInside, bInside));
        var b = Task.Run(() => HoldUntilTheOtherIsIn("position-2", bInside, aInside));

        await Task.WhenAll(a, b).WaitAsync(Patience);
    }

    [Fact]
    public async Task EnterAsync_AnotherKey_DoesNotWaitForAHeldOne()
    {
        var gate = new KeyedGate();
        await using var held = await gate.EnterAsync("position-1", CancellationToken.None);

        var other = gate.EnterAsync("position-2", CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        await (await other).DisposeAsync();
        Assert.Null(gate.TryEnter("position-1"));
    }

    [Fact]
    public async Task EnterAsync_WhileHeld_WaitsUntilTheTurnIsHandedOn()
    {
        var gate = new KeyedGate();
        var held = await gate.EnterAsync("position-7", CancellationToken.None);

        var waiting = gate.EnterAsync("position-7", CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        await held.DisposeAsync();
        var turn = await waiting.WaitAsync(Patience);

        Assert.Null(gate.TryEnter("position-7"));
        await turn.DisposeAsync();
        Assert.NotNull(gate.TryEnter("position-7"));
    }

    [Fact]
    public async Task TryEnter_WhileHeld_IsNull_AndATurnOnceReleased()
    {
        var gate = new KeyedGate();

        var first = gate.TryEnter("position-7");
        Assert.NotNull(first);
        Assert.Null(gate.TryEnter("position-7"));
        Assert.Null(gate.TryEnter("position-7"));
        Assert.NotNull(gate.TryEnter("position-8"));

        await first.DisposeAsync();
        var second = gate.TryEnter("position-7");

        Assert.NotNull(second);
        Assert.Null(gate.TryEnter("position-7"));
        await second.DisposeAsync();
    }

    [Fact]
    public async Task TryEnter_WhileAnEnterAsyncTurnIsHeld_IsNull()
    {
        var gate = new KeyedGate();
        var held = await gate.EnterAsync("position-7", CancellationToken.None);

        Assert.Null(gate.TryEnter("position-7"));

        await held.DisposeAsync();
        var turn = gate.TryEnter("position-7");
        Assert.NotNull(turn);
        await turn.DisposeAsync();
    }

    [Fact]
    public async Task EnterAsync_CancelledWhileWaiting_Throws_AndLeavesTheKeyUsable()
    {
        var gate = new KeyedGate();
        var held = await gate.EnterAsync("position-7", CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        var waiting = gate.EnterAsync("position-7", cancellation.Token);
        Assert.False(waiting.IsCompleted);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        // The holder still holds it; the cancelled caller never got a turn.
        Assert.Null(gate.TryEnter("position-7"));

        await held.DisposeAsync();
        var later = await gate.EnterAsync("position-7", CancellationToken.None).WaitAsync(Patience);
        Assert.Null(gate.TryEnter("position-7"));
        await later.DisposeAsync();
        var free = gate.TryEnter("position-7");
        Assert.NotNull(free);
        await free.DisposeAsync();
    }

    [Fact]
    public async Task EnterAsync_AlreadyCancelled_Throws_AndLeavesTheKeyFree()
    {
        var gate = new KeyedGate();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.EnterAsync("position-7", cancellation.Token));

        var turn = await gate.EnterAsync("position-7", CancellationToken.None).WaitAsync(Patience);
        Assert.Null(gate.TryEnter("position-7"));
        await turn.DisposeAsync();
    }

    [Fact]
    public async Task DisposingATurnTwice_HandsItOnOnlyOnce()
    {
        var gate = new KeyedGate();
        var held = await gate.EnterAsync("position-7", CancellationToken.None);
        var waiting = gate.EnterAsync("position-7", CancellationToken.None);

        await held.DisposeAsync();
        await held.DisposeAsync();
        var turn = await waiting.WaitAsync(Patience);

        // The waiter has the turn; a second release would have let this one in too.
        Assert.Null(gate.TryEnter("position-7"));
        await turn.DisposeAsync();
    }

    [Fact]
    public async Task WithACrossProcessLock_BothAreHeld_AndABusyLockGivesTheTurnBack()
    {
        var gate = new KeyedGate();
        var lockReleased = 0;
        var held = new Releaser(() => lockReleased++);

        var both = await gate.TryEnterAsync("k", _ => Task.FromResult<IAsyncDisposable?>(held), CancellationToken.None);
        var whileHeld = gate.TryEnter("k");
        await both!.DisposeAsync();
        var busyElsewhere = await gate.EnterAsync("k", _ => Task.FromResult<IAsyncDisposable?>(null), CancellationToken.None);
        await using var after = gate.TryEnter("k");

        Assert.Null(whileHeld);
        Assert.Equal(1, lockReleased);
        Assert.Null(busyElsewhere);
        Assert.NotNull(after);
    }

    private sealed class Releaser(Action release) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            release();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class Occupancy
    {
        private int _inside;
        private int _most;
        private int _turns;

        public int Inside => Volatile.Read(ref _inside);

        public int Most => Volatile.Read(ref _most);

        public int Turns => Volatile.Read(ref _turns);

        public void Enter()
        {
            var inside = Interlocked.Increment(ref _inside);
            int most;
            do
            {
                most = Volatile.Read(ref _most);
            }
            while (inside > most && Interlocked.CompareExchange(ref _most, inside, most) != most);

            Interlocked.Increment(ref _turns);
        }

        public void Leave() => Interlocked.Decrement(ref _inside);
    }
}
