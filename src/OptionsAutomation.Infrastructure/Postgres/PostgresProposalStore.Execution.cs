namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>The approval path's lock of a proposal (its decisions and order are written through the trading journal).</summary>
public sealed partial class PostgresProposalStore
{
    public async Task<IAsyncDisposable?> TryLockAsync(string requestId, CancellationToken cancellationToken) =>
        await SessionAdvisoryLock.TryAcquireAsync(dataSource, requestId, cancellationToken).ConfigureAwait(false);
}
