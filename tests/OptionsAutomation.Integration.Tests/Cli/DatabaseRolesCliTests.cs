using System.Globalization;
using Npgsql;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// Two connection strings: <c>db migrate</c> and the start of <c>run</c> migrate as <c>ConnectionStrings:PostgresOwner</c>
/// and grant the role of <c>ConnectionStrings:Postgres</c>, which every other verb and the worker connect as.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class DatabaseRolesCliTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private OptautoProcess _cli = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateWithRolesAsync(server, migrate: false);
        _cli = new OptautoProcess(_db.ConnectionString, new Dictionary<string, string>
        {
            ["ConnectionStrings__PostgresOwner"] = _db.OwnerConnectionString,
        });
    }

    public async Task DisposeAsync()
    {
        _cli.Dispose();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task MigrateAsOwner_ThenAddAndCloseAsTheAppRole_WhichCannotRewriteHistory()
    {
        var migrate = (await _cli.RunAsync("db", "migrate")).Succeeded();

        Assert.Contains($"granted {PostgresServer.AppRole} its privileges", migrate.Stdout, StringComparison.Ordinal);
        Assert.Equal([PostgresServer.OwnerRole], await _db.ListAsync<string>("SELECT DISTINCT tableowner::text FROM pg_tables WHERE schemaname = 'public'"));

        var add = (await _cli.RunAsync("positions", "add", "--ticker", "SPY", "--strategy", "CSP", "--expiration", "2026-03-20",
            "--short-strike", "580", "--credit", "1.50", "--quantity", "1", "--opened-at", "2026-02-20T14:17:00Z", "--json")).Succeeded();
        var id = add.Json().Int("position_id").ToString(CultureInfo.InvariantCulture);
        var close = (await _cli.RunAsync("positions", "close", id, "--price", "0.75", "--closed-at", "2026-02-27T19:00:00Z", "--json")).Succeeded();

        Assert.Equal(75.00m, close.Json().Dec("realized_pnl"));
        Assert.Equal(1, await _db.CountAsync("trade_history", $"position_id = {id}"));
        Assert.Equal(2, await _db.CountAsync("audit_events", $"position_id = {id} AND actor = 'cli'"));
        var denied = await Assert.ThrowsAsync<PostgresException>(() => _db.ExecuteAsync("UPDATE trade_history SET pnl_realized = 1000"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
    }

    [Fact]
    public async Task Run_MigratesAsOwner_ThenSchedulesAndExportsTheAuditAsTheAppRole()
    {
        var port = LoopbackPort.Free();
        using var worker = new OptautoProcess(_db.ConnectionString, new Dictionary<string, string>
        {
            ["ConnectionStrings__PostgresOwner"] = _db.OwnerConnectionString,
            ["Service__Urls"] = $"http://127.0.0.1:{port}",
            ["Audit__ExportIntervalSeconds"] = "0.2",
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var run = worker.Start("run");
        try
        {
            // Clustered Quartz on the Postgres job store: the scheduler runs only if the app role may use the qrtz tables.
            await WaitForAsync(run, async () =>
            {
                using var health = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/health"));
                var checks = health.RootElement.GetProperty("checks");
                return checks.GetProperty("database").Str("status") == "ok" && checks.GetProperty("scheduler").Str("status") == "running";
            });
            Assert.Equal([PostgresServer.OwnerRole], await _db.ListAsync<string>("SELECT DISTINCT tableowner::text FROM pg_tables WHERE schemaname = 'public'"));
            // Once migrated, the worker keeps no connection as the owner.
            await WaitForAsync(run, async () =>
                await _db.CountAsync("pg_stat_activity", $"datname = current_database() AND usename = '{PostgresServer.OwnerRole}'") == 0);

            // The exporter takes the audit horizon (a SHARE lock on audit_events) as the app role.
            (await worker.RunAsync("positions", "add", "--ticker", "SPY", "--strategy", "CSP", "--expiration", "2026-03-20",
                "--short-strike", "580", "--credit", "1.50", "--quantity", "1", "--opened-at", "2026-02-20T14:17:00Z")).Succeeded();
            // Files are named by the UTC date the event was recorded: today's.
            var audit = Path.Combine(worker.WorkDirectory, "logs", "audit");
            await WaitForAsync(run, () => Task.FromResult(Directory.Exists(audit)
                && Directory.EnumerateFiles(audit, "audit-*.jsonl").Any(f => File.ReadAllText(f).Contains("\"position.opened\"", StringComparison.Ordinal))));
        }
        finally
        {
            run.Kill(entireProcessTree: true);
            await run.WaitForExitAsync();
        }
    }

    /// <summary>Polls <paramref name="condition"/> (a failing request counts as not yet) while the worker lives, for up to a minute.</summary>
    private static async Task WaitForAsync(System.Diagnostics.Process worker, Func<Task<bool>> condition)
    {
        string? lastError = null;
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            Assert.False(worker.HasExited, $"optauto run exited with {(worker.HasExited ? worker.ExitCode : 0)}");
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException e)
            {
                // not listening yet, or not healthy yet
                lastError = e.Message;
            }
        }

        throw new TimeoutException($"the worker did not get there within a minute (last error: {lastError ?? "none"})");
    }
}
