using Npgsql;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Infrastructure.Audit;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Integration.Tests.Exits;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Postgres;

/// <summary>
/// The two roles of a deployment: the owner migrates, the application role (what the worker, CLI and API connect
/// as) reads and writes what it must and only appends to the records of what happened.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AppRoleTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly string[] AppendOnly = ["audit_events", "trade_history", "fills"];

    private readonly string _migrations = Directory.CreateTempSubdirectory("optauto-migrations-").FullName;
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateWithRolesAsync(server, migrate: false);
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.Migrations, "*.sql"))
        {
            File.Copy(file, Path.Combine(_migrations, Path.GetFileName(file)));
        }

        await _db.MigrateAsync(_migrations);
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_migrations, recursive: true);
    }

    [Fact]
    public async Task AppRole_IsNoSuperuser_AndOnlyAppendsToTheRecordsOfWhatHappened()
    {
        Assert.Equal([PostgresServer.AppRole], await _db.ListAsync<string>("SELECT current_user::text"));
        Assert.Equal([false], await _db.ListAsync<bool>("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
        await _db.ExecuteAsync(
            "INSERT INTO audit_events (occurred_at, actor, event_type, entity_type, entity_id) VALUES (now(), 'test', 'x', 'y', '1')");

        foreach (var table in AppendOnly)
        {
            foreach (var sql in new[] { $"UPDATE {table} SET request_id = 'changed'", $"DELETE FROM {table}", $"TRUNCATE {table}" })
            {
                var denied = await Assert.ThrowsAsync<PostgresException>(() => _db.ExecuteAsync(sql));
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
                // Refused by privileges before audit_events' append-only trigger could say so.
                Assert.StartsWith("permission denied", denied.MessageText, StringComparison.Ordinal);
            }
        }

        Assert.Equal(1, await _db.CountAsync("audit_events", "actor = 'test'"));
        var migrations = await Assert.ThrowsAsync<PostgresException>(() => _db.CountAsync("schema_migrations"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, migrations.SqlState);
        // Quartz deletes and updates its own rows.
        await _db.ExecuteAsync("INSERT INTO qrtz_locks (sched_name, lock_name) VALUES ('test', 'TRIGGER_ACCESS')");
        await _db.ExecuteAsync("UPDATE qrtz_locks SET lock_name = 'STATE_ACCESS' WHERE sched_name = 'test'");
        await _db.ExecuteAsync("DELETE FROM qrtz_locks WHERE sched_name = 'test'");
    }

    [Fact]
    public async Task EveryGeneratedKey_IsAnIdentity_SoTheAppRoleInsertsWithoutSequenceGrants()
    {
        // grant_app_role grants no sequence privileges: a serial column (a nextval default) would refuse the app role's inserts.
        Assert.Empty(await _db.ListAsync<string>(
            "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'"));
        await _db.ExecuteAsync("INSERT INTO broker_reconciliations (ran_at, matched, signature, report) VALUES (now(), true, '', '{}')");
        Assert.Equal(1, await _db.CountAsync("broker_reconciliations"));
    }

    [Fact]
    public async Task Migrations_RunAsTheOwner_AndTheAppRoleUsesTablesAddedLater()
    {
        await File.WriteAllTextAsync(Path.Combine(_migrations, "9999_later.sql"),
            "CREATE TABLE later_table (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text NOT NULL);");

        var report = await _db.MigrateAsync(_migrations);

        Assert.Equal(["9999_later.sql"], report.Applied);
        Assert.Equal(PostgresServer.AppRole, report.AppRole);
        Assert.Equal([PostgresServer.OwnerRole], await _db.ListAsync<string>(
            "SELECT DISTINCT tableowner::text FROM pg_tables WHERE schemaname = 'public'"));
        await _db.ExecuteAsync("INSERT INTO later_table (note) VALUES ('written by the application')");
        Assert.Equal(["written by the application"], await _db.ListAsync<string>("SELECT note FROM later_table"));
        Assert.Equal(1, await _db.CountAsync("v_performance_metrics", "total_trades = 0"));
    }

    [Fact]
    public async Task Migrate_RefusesASuperuserAsTheAppRole()
    {
        await using var admin = NpgsqlDataSource.Create(server.AdminConnectionString);
        var superuser = await PostgresConnection.CurrentRoleAsync(admin, CancellationToken.None);
        var runner = new MigrationRunner(_db.OwnerDataSource, Microsoft.Extensions.Logging.Abstractions.NullLogger<MigrationRunner>.Instance);

        var error = await Assert.ThrowsAsync<MigrationException>(() => runner.MigrateAsync(_migrations, superuser, CancellationToken.None));

        Assert.Contains("superuser", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsTheAppRole_AnExitFillsClosesAndAudits_AndTheAuditHorizonStillWaitsForWriters()
    {
        var clock = new RealTimersClock(new DateTimeOffset(2026, 2, 27, 15, 35, 0, TimeSpan.Zero));
        var h = new ExitHarness(_db, clock);
        var position = (await h.OpenCspAsync("as-app", 580m, 1.50m, new DateOnly(2026, 4, 17), new DateTimeOffset(2026, 2, 20, 14, 17, 0, TimeSpan.Zero))).Position;
        h.QuoteShortPut(position, 0.74m, 0.76m, clock.GetUtcNow().AddMinutes(-2));

        var exit = await h.RunOneAsync();

        Assert.Equal(ExitReason.ProfitTarget, exit.Decision.Reason);
        Assert.Equal(75.00m, Assert.Single(await h.Positions.HistoryAsync(null, null)).PnlRealized);
        Assert.Equal(1, await _db.CountAsync("fills", $"position_id = {position.PositionId}"));
        Assert.Equal(1, await _db.CountAsync("audit_events", $"event_type = 'position.closed' AND position_id = {position.PositionId}"));

        // The SHARE lock behind the horizon is the owner's to take; the application role takes it through the function.
        var horizon = new AuditHorizon(_db.DataSource);
        var last = Assert.Single(await _db.ListAsync<long>("SELECT max(event_id) FROM audit_events"));
        Assert.Equal(last, await horizon.AfterAsync(0, CancellationToken.None));
        await using var writer = await _db.DataSource.OpenConnectionAsync();
        await using var inFlight = await writer.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO audit_events (occurred_at, actor, event_type, entity_type, entity_id) VALUES (now(), 'test', 'x', 'y', '2')", writer, inFlight))
        {
            await insert.ExecuteNonQueryAsync();
        }

        Assert.Null(await horizon.AfterAsync(last - 1, CancellationToken.None));
    }
}
