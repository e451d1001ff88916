namespace OptionsAutomation.Infrastructure.InMemory;

/// <summary>The cross-process lock of a book only one process can see: always granted, nothing to release.</summary>
internal sealed class SingleProcessLock : IAsyncDisposable
{
    public static SingleProcessLock Held { get; } = new();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
