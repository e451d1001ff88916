using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Benchmarks.ExitSweep;

/// <summary>
/// A private database for a pipeline benchmark, on the cluster <c>OPTAUTO_BENCH_POSTGRES</c> names (scripts/bench.sh
/// starts one under .data/pg-bench): dropped and created afresh, migrated with the project's <see cref="MigrationRunner"/>.
/// </summary>
internal static class BenchDatabase
{
    public const string Variable = "OPTAUTO_BENCH_POSTGRES";

    /// <returns>The new database's data source.</returns>
    public static async Task<NpgsqlDataSource> CreateAsync(string name)
    {
        var admin = Environment.GetEnvironmentVariable(Variable)
            ?? throw new InvalidOperationException($"{Variable} is not set: run the pipeline benchmarks through scripts/bench.sh, which starts a private cluster.");
        await using (var server = NpgsqlDataSource.Create(admin))
        {
            await using var drop = server.CreateCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            await drop.ExecuteNonQueryAsync();
            await using var create = server.CreateCommand($"CREATE DATABASE {name}");
            await create.ExecuteNonQueryAsync();
        }

        var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 20 }.ConnectionString);
        await new MigrationRunner(source, NullLogger<MigrationRunner>.Instance).MigrateAsync(MigrationsDirectory(), appRole: null, CancellationToken.None);
        return source;
    }

    /// <summary>A second pool on the same database: a worker of its own.</summary>
    public static NpgsqlDataSource Connect(NpgsqlDataSource database) => NpgsqlDataSource.Create(database.ConnectionString);

    /// <summary>Next to the binary where the build copied them, else the checkout's (BenchmarkDotNet builds elsewhere).</summary>
    private static string MigrationsDirectory()
    {
        if (Directory.Exists(MigrationRunner.DefaultDirectory))
        {
            return MigrationRunner.DefaultDirectory;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "db", "migrations");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("db/migrations not found next to the benchmark or above it");
    }
}
