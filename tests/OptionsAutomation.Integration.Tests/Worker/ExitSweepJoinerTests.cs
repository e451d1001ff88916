using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Integration.Tests.Exits;
using OptionsAutomation.Integration.Tests.Support;
using OptionsAutomation.Worker;

namespace OptionsAutomation.Integration.Tests.Worker;

/// <summary>A worker's joiner drains an open sweep once: later polls of the same sweep claim nothing and run no claim.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ExitSweepJoinerTests(PostgresServer server) : IAsyncLifetime
{
    // Friday 2026-02-27, 10:35 New York.
    private static readonly DateTimeOffset Tick = new(2026, 2, 27, 15, 35, 0, TimeSpan.Zero);
    private static readonly DateOnly April17 = new(2026, 4, 17);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Poll_DrainsAnOpenSweepOnce_ThenLeavesItAlone_UntilTheNextSweepOpens()
    {
        var h = new ExitHarness(_db, new RealTimersClock(Tick));
        for (var i = 0; i < 7; i++)
        {
            var opened = await h.OpenCspAsync($"join-{i}", 560m + i, 1.50m, April17, Tick.AddDays(-7));
            h.QuoteShortPut(opened.Position, 1.45m, 1.55m, Tick.AddMinutes(-1));
        }

        var postgres = new PostgresSweepLedger(h.DataSource, h.Clock);
        var ledger = new RecordingSweepLedger(postgres, 0, new ConcurrentQueue<(int Worker, long PositionId)>());
        var joiner = new ExitSweepJoiner(ledger, h.Sweep(h.Review(), ledger, batchSize: 3), new JobSettings(), h.Clock, NullLogger<ExitSweepJoiner>.Instance);
        // The fired worker opened the sweep and has not claimed yet; this worker joins it and claims all 7 positions.
        var first = await postgres.OpenAsync(Tick, CancellationToken.None);

        await joiner.PollAsync(CancellationToken.None);
        var drained = ledger.ClaimStatements;

        Assert.Equal(7, await _db.CountAsync("exit_sweep_claims", $"sweep_id = {first.SweepId}"));
        Assert.Equal(7, await _db.CountAsync("positions", "mark_status = 'FRESH'"));
        // Batches of 3, 3, 1, an empty claim past the last, then one pass from the start that finds nothing.
        Assert.Equal(5, drained);

        // The sweep is still open (the fired worker has not finished it): later polls do not claim again.
        await joiner.PollAsync(CancellationToken.None);
        await joiner.PollAsync(CancellationToken.None);
        Assert.Equal(drained, ledger.ClaimStatements);
        Assert.Single(await postgres.ListOpenAsync(CancellationToken.None));

        // The next tick's sweep is joined.
        var second = await postgres.OpenAsync(Tick, CancellationToken.None);
        await joiner.PollAsync(CancellationToken.None);
        Assert.Equal(2 * drained, ledger.ClaimStatements);
        Assert.Equal(7, await _db.CountAsync("exit_sweep_claims", $"sweep_id = {second.SweepId}"));
    }
}
