using BenchmarkDotNet.Attributes;
using Npgsql;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.InMemory;

namespace OptionsAutomation.Benchmarks.ExitSweep;

/// <summary>
/// One exit tick's sweep, executed (claims, marks saved per batch, decisions, the adjustment review; the book HOLDs, so
/// no order is sent), worked by one worker (the baseline), two or three — each with its own connection pool and synthetic
/// market, joining the fired worker's sweep as <c>ExitSweepJoiner</c> does. All in this process, on this machine's cores.
/// </summary>
[SingleCallJob(warmupCount: 1, iterationCount: 5)]
public class SharedSweepBenchmarks
{
    private NpgsqlDataSource _database = null!;
    private readonly List<NpgsqlDataSource> _pools = [];
    private readonly List<SweepWorker> _workers = [];

    [Params(1_000, 10_000, 100_000)]
    public int Positions { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _database = await BenchDatabase.CreateAsync($"bench_shared_sweep_{Positions}");
        await SweepBook.SeedAsync(_database, Positions);
        var clock = new SimulatedClock(SweepBook.SweepMinute);
        for (var i = 0; i < 3; i++)
        {
            var pool = BenchDatabase.Connect(_database);
            _pools.Add(pool);
            var worker = new SweepWorker(pool, SweepBook.Market(), clock);
            _workers.Add(worker);
            // Each worker's market computes the minute's spots once; the sweeps measured see its cached quotes.
            await worker.Exits.RunAsync(SweepBook.SweepMinute, execute: false, CancellationToken.None);
        }

        await Sweep(1);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SweepMemory.Report($"shared sweep of {Positions} positions");
        foreach (var pool in _pools)
        {
            pool.Dispose();
        }

        _database.Dispose();
    }

    [Benchmark(Baseline = true, Description = "sweep, 1 worker")]
    public Task<int> OneWorker() => Sweep(1);

    [Benchmark(Description = "sweep, 2 workers")]
    public Task<int> TwoWorkers() => Sweep(2);

    [Benchmark(Description = "sweep, 3 workers")]
    public Task<int> ThreeWorkers() => Sweep(3);

    /// <returns>How many positions were checked, by all workers together.</returns>
    private async Task<int> Sweep(int workers)
    {
        var fired = Task.Run(() => _workers[0].Sweep.RunAsync(SweepBook.SweepMinute, CancellationToken.None));
        var joined = _workers.Skip(1).Take(workers - 1).Select(w => Task.Run(() => JoinAsync(w, fired))).ToList();
        var checkedCount = (await fired).Checks.Count;
        foreach (var join in joined)
        {
            checkedCount += await join;
        }

        return checkedCount;
    }

    /// <summary>Polls for the open sweep as the joiner does (here without a pause between polls), then works it.</summary>
    private static async Task<int> JoinAsync(SweepWorker worker, Task fired)
    {
        while (!fired.IsCompleted)
        {
            if ((await worker.Sweeps.ListOpenAsync(CancellationToken.None)).FirstOrDefault() is { } open)
            {
                return (await worker.Sweep.JoinAsync(open, CancellationToken.None)).Checks.Count;
            }
        }

        return 0;
    }
}
