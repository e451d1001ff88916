using BenchmarkDotNet.Attributes;
using Npgsql;
using OptionsAutomation.Cli;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Benchmarks.Approval;

/// <summary>
/// One approval as <c>optauto proposals approve</c>, the API and the Telegram button run it: <see cref="ApprovalService"/>
/// from the CLI's own services (Postgres on loopback, the paper broker, the synthetic market). Each call approves a fresh
/// PROPOSED one-contract copy, at half the credit, of a proposal the screener made — risk gate on fresh quotes, the
/// decision, the opening order, its instant fill, the position, audit and outbox rows. Each measured iteration is one
/// approval, so the P50/P95/P99 columns are of single approvals. The floor is one INSERT and COMMIT on the same server.
/// The risk limits and the paper account are widened (positions, order rate, exposure) so every approval executes: a
/// refusal would be a faster, different path, and the benchmark fails rather than count one.
/// </summary>
[SingleCallJob(warmupCount: 10, iterationCount: 100)]
[Config(typeof(LatencyPercentiles))]
public class ApprovalLatencyBenchmarks
{
    /// <summary>Enough for the warm-up and measured approvals (BenchmarkDotNet's own runs included), with room.</summary>
    private const int Copies = 400;

    private readonly Queue<string> _proposed = new();
    private CliServices _services = null!;
    private NpgsqlDataSource _floor = null!;
    private string _next = "";
    private string _work = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _work = Directory.CreateTempSubdirectory("optauto-bench-approval-").FullName;
        string connectionString;
        await using (var database = await BenchDatabase.CreateAsync("optauto_bench_approval").ConfigureAwait(false))
        {
            connectionString = database.ConnectionString;
        }

        _services = CliServices.Create(
        [
            $"--ConnectionStrings:Postgres={connectionString}",
            $"--Serilog:WriteTo:File:Args:path={Path.Combine(_work, "logs", "optauto-.json")}",
            "--Execution:AllowOutsideSession=true",
            // Instant fill: no walk from the mid (it rests until its first step, 5 s later, when the rounded mid is above
            // the mid) and a limit at half the proposal's credit, marketable however the synthetic market moved since.
            "--Execution:PriceWalk:Enabled=false",
            "--Risk:MaxPriceDeviationPercent=60",
            "--Risk:MaxPositions=100000",
            "--Risk:MaxOrdersPerMinute=100000",
            "--Risk:MaxTotalExposure=1000000000",
            "--Risk:MaxOrderNotional=1000000000",
            "--Risk:MaxCorrelatedUnderlyings=100",
            "--Broker:Paper:StartingEquity=1000000000",
        ]);
        var run = await _services.Get<ProposalService>().RunAsync(_services.Get<TimeProvider>().GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        var template = run.Proposals.FirstOrDefault() ?? throw new InvalidOperationException("the screener proposed nothing to approve.");

        _floor = NpgsqlDataSource.Create(connectionString);
        await using var copy = _floor.CreateCommand(
            "INSERT INTO trade_requests SELECT (jsonb_populate_record(r, jsonb_build_object(" +
            "'request_id', r.request_id || '-' || g, 'expires_at', now() + interval '1 day', 'quantity', 1, " +
            "'net_credit', round(r.net_credit / 2, 2), " +
            "'max_loss', round(r.max_loss / r.quantity, 2), 'collateral', round(r.collateral / r.quantity, 2)))).* " +
            "FROM trade_requests r, generate_series(1, @copies) g WHERE r.request_id = @template");
        copy.Parameters.AddWithValue("copies", Copies);
        copy.Parameters.AddWithValue("template", template.RequestId);
        await copy.ExecuteNonQueryAsync().ConfigureAwait(false);
        for (var i = 1; i <= Copies; i++)
        {
            _proposed.Enqueue($"{template.RequestId}-{i}");
        }

        await _floor.CreateCommand("CREATE TABLE bench_floor (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL)")
            .ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _services.DisposeAsync().ConfigureAwait(false);
        await _floor.DisposeAsync().ConfigureAwait(false);
        Directory.Delete(_work, recursive: true);
    }

    [IterationSetup(Target = nameof(Approve))]
    public void NextProposal() =>
        _next = _proposed.TryDequeue(out var requestId) ? requestId : throw new InvalidOperationException($"all {Copies} proposals are approved: raise Copies.");

    [Benchmark(Baseline = true, Description = "INSERT + COMMIT round trip")]
    public async Task<int> InsertCommit()
    {
        await using var connection = await _floor.OpenConnectionAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using var insert = new NpgsqlCommand("INSERT INTO bench_floor (at) VALUES (now())", connection, transaction);
        var rows = await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
        return rows;
    }

    [Benchmark(Description = "approve, instant paper fill")]
    public async Task<long> Approve()
    {
        var outcome = await _services.Get<ApprovalService>().ApproveAsync(_next, "bench", CancellationToken.None).ConfigureAwait(false);
        return outcome is { Status: ProposalStatus.Executed, PositionId: { } position }
            ? position
            : throw new InvalidOperationException($"{_next} was not executed: {outcome.Status} {outcome.Message}");
    }
}
