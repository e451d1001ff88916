using System.Collections.Concurrent;
using Npgsql;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Exits;

/// <summary>
/// Three workers, each with its own connection pool, share one exit tick's sweep over 3,000 positions: the fired one
/// opens it, the other two join it, all claim batches concurrently.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedSweepTests(PostgresServer server) : IAsyncLifetime
{
    // Friday 2026-02-27, 10:35 New York.
    private static readonly DateTimeOffset Tick = new(2026, 2, 27, 15, 35, 0, TimeSpan.Zero);
    private static readonly DateOnly April17 = new(2026, 4, 17);
    private const int Positions = 3_000;
    private const int Strikes = 30;
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task ThreeWorkers_MarkEveryPositionOnce_ClaimDisjointBatches_AndCloseEachExitOnce()
    {
        var clock = new RealTimersClock(Tick);
        var sources = Enumerable.Range(0, 3).Select(_ => NpgsqlDataSource.Create(_db.ConnectionString)).ToList();
        try
        {
            var workers = sources.Select(source => new ExitHarness(_db, clock, dataSource: source)).ToList();
            var ids = await SeedAsync(workers[0]);
            foreach (var worker in workers)
            {
                QuoteEveryStrike(worker);
            }

            var claims = new ConcurrentQueue<(int Worker, long PositionId)>();
            var sweeps = workers.Select((w, i) => w.Sweep(w.Review(), new RecordingSweepLedger(new PostgresSweepLedger(w.DataSource, clock), i, claims), batchSize: 50)).ToList();

            // Worker 0 is the one the scheduler fired; 1 and 2 join the sweep they find open, as ExitSweepJoiner does.
            var fired = Task.Run(() => sweeps[0].RunAsync(Tick, CancellationToken.None));
            var joined = new[] { 1, 2 }.Select(i => Task.Run(async () =>
            {
                var ledger = new PostgresSweepLedger(workers[i].DataSource, clock);
                while (!fired.IsCompleted)
                {
                    if ((await ledger.ListOpenAsync(CancellationToken.None)).FirstOrDefault() is { } open)
                    {
                        return await sweeps[i].JoinAsync(open, CancellationToken.None);
                    }

                    await Task.Delay(5);
                }

                return null;
            })).ToList();
            var outcomes = new List<ExitSweepOutcome?> { await fired };
            outcomes.AddRange(await Task.WhenAll(joined));

            // Claims: every position once, by one worker.
            var claimed = claims.ToList();
            // Seen once in a full CI run (100 of 3,000 claimed) and not reproduced since: say what the sweep looked like.
            Assert.True(claimed.Count == Positions,
                $"{claimed.Count} claims ({string.Join(", ", claimed.GroupBy(c => c.Worker).Select(g => $"worker {g.Key}: {g.Count()}"))}); " +
                $"outcomes {string.Join(", ", outcomes.Select(o => o is null ? "not joined" : $"{o.Checks.Count} checks"))}; " +
                $"claim rows {await _db.CountAsync("exit_sweep_claims")}, sweeps {await _db.CountAsync("exit_sweeps")} " +
                $"({await _db.CountAsync("exit_sweeps", "finished_at IS NULL")} open), open positions {await _db.CountAsync("positions", "status = 'OPEN'")}");
            Assert.Equal(ids.Order(), claimed.Select(c => c.PositionId).Order());
            // Marks: every position's row marked at this tick's quote, once (the checks of all workers cover each once).
            var checks = outcomes.Where(o => o is not null).SelectMany(o => o!.Checks).ToList();
            Assert.Equal(ids.Order(), checks.Select(c => c.Position.PositionId).Order());
            Assert.Equal(Positions, await _db.CountAsync("positions", $"mark_status IS NOT NULL AND marked_at = '{Tick.AddMinutes(-1):O}'"));
            Assert.Equal(Positions, await _db.CountAsync("audit_events", "event_type = 'position.mark_fresh'"));
            // Exits: one strike in ten reached its profit target; each of those closed once, by one filled order.
            var exits = checks.Where(c => c.Decision.Decision == ExitDecisionKind.Exit).ToList();
            Assert.Equal(Positions / 10, exits.Count);
            Assert.All(exits, c => Assert.NotNull(c.Closed));
            Assert.Equal(Positions / 10, await _db.CountAsync("trade_history", "exit_reason = 'profit_target'"));
            Assert.Equal(Positions / 10, await _db.CountAsync("orders", "intent = 'CLOSE'"));
            Assert.Equal(Positions / 10, await _db.CountAsync("orders", "intent = 'CLOSE' AND status = 'FILLED'"));
            Assert.Equal(Positions / 10, await _db.ScalarAsync<long>("SELECT count(DISTINCT position_id) FROM orders WHERE intent = 'CLOSE'"));
            Assert.Equal(Positions - (Positions / 10), await _db.CountAsync("positions", "status = 'OPEN'"));
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }

    private static async Task<List<long>> SeedAsync(ExitHarness h)
    {
        var ids = new List<long>(Positions);
        for (var i = 0; i < Positions; i++)
        {
            ids.Add((await h.OpenCspAsync($"shared-{i}", 560m + (i % Strikes), 1.50m, April17, Tick.AddDays(-7))).Position.PositionId);
        }

        return ids;
    }

    /// <summary>Strikes 560, 570, 580 at 0.74/0.76 (the 50% profit target of a 1.50 credit); the rest at 1.45/1.55 (hold).</summary>
    private static void QuoteEveryStrike(ExitHarness h)
    {
        for (var s = 0; s < Strikes; s++)
        {
            var contract = new Core.Instruments.OptionContract("SPY", April17, Core.Instruments.OptionRight.Put, 560m + s);
            var (bid, ask) = s % 10 == 0 ? (0.74m, 0.76m) : (1.45m, 1.55m);
            h.Quotes.Quote(contract, bid, ask, Tick.AddMinutes(-1));
        }
    }
}
