namespace OptionsAutomation.Core.Trading;

/// <summary>
/// The locks and reads a close needs around its order; the order itself, its progress and its outcome are written
/// through <see cref="Journal.ITradingJournal"/> (<see cref="Journal.CloseBooking"/>).
/// </summary>
public interface ICloseLedger
{
    /// <summary>
    /// The position's cross-process close lock, without waiting: null when another process is closing it (or
    /// recovering its closing order). Held for the whole close, so two workers never follow one order at once.
    /// </summary>
    Task<IAsyncDisposable?> TryLockCloseAsync(long positionId, CancellationToken cancellationToken);

    /// <summary>Whether the order is still not final (re-read under the close lock before recovery acts on it).</summary>
    Task<bool> IsOrderWorkingAsync(string clientOrderId, CancellationToken cancellationToken);
}
