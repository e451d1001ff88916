using System.Collections.Concurrent;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Integration.Tests.Exits;

/// <summary>
/// A worker's sweep ledger that notes which worker claimed each position (claims of every worker in one map) and how
/// many claim statements it ran.
/// </summary>
internal sealed class RecordingSweepLedger(ISweepLedger inner, int worker, ConcurrentQueue<(int Worker, long PositionId)> claims) : ISweepLedger
{
    private int _claimStatements;

    public int ClaimStatements => _claimStatements;

    public Task<OpenSweep> OpenAsync(DateTimeOffset asOf, CancellationToken cancellationToken) => inner.OpenAsync(asOf, cancellationToken);

    public async Task<IReadOnlyList<Position>> ClaimAsync(OpenSweep sweep, long afterPositionId, int count, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _claimStatements);
        var claimed = await inner.ClaimAsync(sweep, afterPositionId, count, cancellationToken);
        foreach (var position in claimed)
        {
            claims.Enqueue((worker, position.PositionId));
        }

        return claimed;
    }

    public Task<IReadOnlyList<OpenSweep>> ListOpenAsync(CancellationToken cancellationToken) => inner.ListOpenAsync(cancellationToken);

    public Task FinishAsync(OpenSweep sweep, CancellationToken cancellationToken) => inner.FinishAsync(sweep, cancellationToken);
}
