using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Benchmarks;

/// <summary>
/// A private database for a benchmark that needs Postgres, on the cluster <c>OPTAUTO_BENCH_POSTGRES</c> names
/// (scripts/bench.sh starts one under .data/pg-bench when such a class is selected): dropped and created afresh,
/// migrated with the project's <see cref="MigrationRunner"/>, so a benchmark never touches the worker's database.
/// </summary>
public static class BenchDatabase
{
    public const string Variable = "OPTAUTO_BENCH_POSTGRES";

    /// <returns>The new database's data source.</returns>
    public static async Task<NpgsqlDataSource> CreateAsync(string name)
    {
        var admin = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given
            ? given
            : throw new InvalidOperationException($"{Variable} is not set: run this benchmark through scripts/bench.sh, which starts a private cluster.");
        await using (var server = NpgsqlDataSource.Create(admin))
        {
            await using var drop = server.CreateCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
            await using var create = server.CreateCommand($"CREATE DATABASE {name}");
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 20 }.ConnectionString);
        await new MigrationRunner(source, NullLogger<MigrationRunner>.Instance)
            .MigrateAsync(Path.Combine(Checkout.Root, "db", "migrations"), appRole: null, CancellationToken.None).ConfigureAwait(false);
        return source;
    }

    /// <summary>A second pool on the same database: a worker of its own.</summary>
    public static NpgsqlDataSource Connect(NpgsqlDataSource database) => NpgsqlDataSource.Create(database.ConnectionString);
}
