namespace OptionsAutomation.Core.Trading.Journal;

/// <summary>
/// Where the booking use cases (a closing order's outcome, a settlement, an opening order's outcome) write: one
/// <see cref="ITradingEntry"/> is one transaction, so a crash leaves either the old state or the whole new one.
/// </summary>
public interface ITradingJournal
{
    Task<ITradingEntry> BeginAsync(CancellationToken cancellationToken);
}
