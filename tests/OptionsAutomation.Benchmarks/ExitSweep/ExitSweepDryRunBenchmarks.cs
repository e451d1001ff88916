using BenchmarkDotNet.Attributes;
using Npgsql;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.InMemory;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Benchmarks.ExitSweep;

/// <summary>
/// <c>exits check --dry-run</c>: load every open position, mark it on the synthetic market and apply the exit rules,
/// writing nothing (<see cref="ExitService.RunAsync"/>), against the floor of a bare Npgsql fetch of the same rows (every
/// column read), and beside the quotes alone (every leg of the loaded book asked of the warmed synthetic market). The
/// issue's goal: the sweep within 2× the fetch plus the quotes.
/// </summary>
[SingleCallJob(warmupCount: 1, iterationCount: 5)]
public class ExitSweepDryRunBenchmarks
{
    private NpgsqlDataSource _database = null!;
    private SweepWorker _worker = null!;
    private IMarketData _market = null!;
    private IReadOnlyList<Position> _book = [];

    [Params(1_000, 10_000, 100_000)]
    public int Positions { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _database = await BenchDatabase.CreateAsync($"bench_sweep_dry_{Positions}");
        await SweepBook.SeedAsync(_database, Positions);
        _market = SweepBook.Market();
        _worker = new SweepWorker(_database, _market, new SimulatedClock(SweepBook.SweepMinute));
        _book = await new PostgresPositionStore(_database).ListAsync(PositionStatusFilter.Open, null, CancellationToken.None);
        // The market's first quote of the minute computes its spots; every later one is the cached path a sweep sees.
        await QuotesOnly();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SweepMemory.Report($"dry run of {Positions} positions");
        _database.Dispose();
    }

    [Benchmark(Baseline = true, Description = "floor: bare Npgsql fetch of the open rows")]
    public async Task<long> BareFetch()
    {
        await using var command = _database.CreateCommand("SELECT * FROM positions WHERE status = 'OPEN' ORDER BY position_id");
        await using var reader = await command.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        long rows = 0;
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows++;
        }

        return rows;
    }

    [Benchmark(Description = "quotes only: every leg of the loaded book")]
    public async Task<decimal> QuotesOnly()
    {
        var sum = 0m;
        foreach (var position in _book)
        {
            foreach (var leg in position.Legs)
            {
                sum += (await _market.GetOptionQuoteAsync(leg.Contract, SweepBook.SweepMinute, CancellationToken.None))?.Bid ?? 0m;
            }
        }

        return sum;
    }

    [Benchmark(Description = "exits check --dry-run (load, mark, decide)")]
    public async Task<int> DryRun() => (await _worker.Exits.RunAsync(SweepBook.SweepMinute, execute: false, CancellationToken.None)).Count;
}
