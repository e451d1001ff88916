using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OptionsAutomation.Infrastructure.Postgres;

namespace OptionsAutomation.Benchmarks;

/// <summary>
/// A fresh, migrated database for one benchmark class: on the server of <c>OPTAUTO_BENCH_POSTGRES</c> (an admin
/// connection string, which scripts/bench.sh sets), else on a private cluster of the benchmarks' own started with
/// scripts/db.sh (.data/pg-bench, port 25439), so a benchmark never touches the worker's database.
/// </summary>
public static class BenchDatabase
{
    private const string OwnClusterPort = "25439";

    /// <returns>The connection string of database <paramref name="name"/>, dropped first if a previous run left it.</returns>
    public static async Task<string> CreateAsync(string name)
    {
        var admin = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("OPTAUTO_BENCH_POSTGRES") is { Length: > 0 } given ? given : OwnCluster());
        await using (var server = NpgsqlDataSource.Create(admin.ConnectionString))
        {
            await server.CreateCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)").ExecuteNonQueryAsync().ConfigureAwait(false);
            await server.CreateCommand($"CREATE DATABASE {name}").ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        admin.Database = name;
        await using var database = NpgsqlDataSource.Create(admin.ConnectionString);
        await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance)
            .MigrateAsync(Path.Combine(Checkout.Root, "db", "migrations"), appRole: null, CancellationToken.None).ConfigureAwait(false);
        return admin.ConnectionString;
    }

    private static string OwnCluster()
    {
        var environment = new Dictionary<string, string>
        {
            ["OPTAUTO_PG_DIR"] = Path.Combine(Checkout.Root, ".data", "pg-bench"),
            ["OPTAUTO_PG_PORT"] = OwnClusterPort,
        };
        Script("start", environment);
        return Script("url", environment).Trim();
    }

    private static string Script(string verb, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(Path.Combine(Checkout.Root, "scripts", "db.sh"), verb) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start scripts/db.sh");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"scripts/db.sh {verb} exited {process.ExitCode}");
    }
}
