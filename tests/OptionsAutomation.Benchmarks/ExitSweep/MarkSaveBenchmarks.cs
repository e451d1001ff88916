using BenchmarkDotNet.Attributes;
using Npgsql;
using NpgsqlTypes;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Pricing;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Benchmarks.ExitSweep;

/// <summary>
/// Saving a sweep's marks: <see cref="IMarkLedger.RecordMarksAsync"/> in the sweep's batches (one statement and
/// transaction each, the guard on status and quantity, audit and outbox rows for quality changes — none in the steady
/// state measured here, the marks having been saved once before), against the floor of one binary COPY of the same marks
/// into a temporary table. The goal: within 3× the COPY.
/// </summary>
[SingleCallJob(warmupCount: 1, iterationCount: 5)]
public class MarkSaveBenchmarks
{
    private NpgsqlDataSource _database = null!;
    private PostgresMarkLedger _ledger = null!;
    private MarkRecord[] _marks = [];

    [Params(1_000, 10_000, 100_000)]
    public int Positions { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _database = await BenchDatabase.CreateAsync($"bench_mark_save_{Positions}");
        await SweepBook.SeedAsync(_database, Positions);
        var market = SweepBook.Market();
        var rules = new ExitRuleSettings();
        var valuer = new PositionValuer(market, rules);
        var greeks = new GreeksEstimator(new PricingSettings());
        var marks = new List<MarkRecord>(Positions);
        foreach (var position in await new PostgresPositionStore(_database).ListAsync(PositionStatusFilter.Open, null, CancellationToken.None))
        {
            var mark = await valuer.MarkAsync(position, SweepBook.SweepMinute, CancellationToken.None);
            var alert = mark.IsFresh ? null : Alert.MarkProblem(position, mark.Quality, mark.Problem ?? "", MarketTime.DateOf(SweepBook.SweepMinute));
            marks.Add(new MarkRecord(MarkUpdate.For(position, mark, mark.IsFresh ? greeks.Estimate(position, mark.LegQuotes, SweepBook.SweepMinute) : null), alert));
        }

        _marks = [.. marks];
        _ledger = new PostgresMarkLedger(_database);
        await RecordMarks();
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [Benchmark(Baseline = true, Description = "floor: binary COPY of the marks into a temp table")]
    public async Task<ulong> BareCopy()
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE IF NOT EXISTS mark_copy (position_id bigint, quantity int, status text, problem text, mark_price numeric, " +
            "marked_at timestamptz, unrealized_pnl numeric, mae numeric, mfe numeric, stop_breaches int, delta numeric, gamma numeric, " +
            "theta numeric, vega numeric) ON COMMIT DELETE ROWS", connection, transaction))
        {
            await create.ExecuteNonQueryAsync();
        }

        ulong rows;
        await using (var writer = await connection.BeginBinaryImportAsync("COPY mark_copy FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var record in _marks)
            {
                var u = record.Update;
                await writer.StartRowAsync();
                await writer.WriteAsync(u.PositionId, NpgsqlDbType.Bigint);
                await writer.WriteAsync(u.Quantity, NpgsqlDbType.Integer);
                await writer.WriteAsync(u.Quality.ToString(), NpgsqlDbType.Text);
                await writer.WriteAsync(u.Problem, NpgsqlDbType.Text);
                await writer.WriteAsync(u.MarkPrice, NpgsqlDbType.Numeric);
                await writer.WriteAsync(u.MarkedAt?.UtcDateTime, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(u.UnrealizedPnl, NpgsqlDbType.Numeric);
                await writer.WriteAsync(u.Mae, NpgsqlDbType.Numeric);
                await writer.WriteAsync(u.Mfe, NpgsqlDbType.Numeric);
                await writer.WriteAsync(u.StopBreaches, NpgsqlDbType.Integer);
                await writer.WriteAsync(u.Greeks?.Delta, NpgsqlDbType.Numeric);
                await writer.WriteAsync(u.Greeks?.Gamma, NpgsqlDbType.Numeric);
                await writer.WriteAsync(u.Greeks?.Theta, NpgsqlDbType.Numeric);
                await writer.WriteAsync(u.Greeks?.Vega, NpgsqlDbType.Numeric);
            }

            rows = await writer.CompleteAsync();
        }

        await transaction.CommitAsync();
        return rows;
    }

    [Benchmark(Description = "RecordMarksAsync, batches of 2,000 (one transaction each)")]
    public async Task RecordMarks()
    {
        foreach (var batch in _marks.Chunk(MarkToMarketService.BatchSize))
        {
            await _ledger.RecordMarksAsync(batch, null, SweepBook.SweepMinute, CancellationToken.None);
        }
    }
}
