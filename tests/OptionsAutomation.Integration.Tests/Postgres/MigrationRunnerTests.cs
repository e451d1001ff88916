using Npgsql;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class MigrationRunnerTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private readonly string _migrations = Directory.CreateTempSubdirectory("optauto-migrations-").FullName;

    /// <summary>The migration files of this build, in order.</summary>
    private static IReadOnlyList<string> ReleasedFiles { get; } =
        [.. Directory.EnumerateFiles(RepositoryRoot.Migrations, "*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal).Cast<string>()];

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(server, migrate: false);
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.Migrations, "*.sql"))
        {
            File.Copy(file, Path.Combine(_migrations, Path.GetFileName(file)));
        }
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_migrations, recursive: true);
    }

    [Fact]
    public async Task Migrate_Twice_AppliesEachFileOnceAndChangesNothing()
    {
        var first = await _db.MigrateAsync(_migrations);
        var schemaAfterFirst = await SchemaFingerprintAsync();

        var second = await _db.MigrateAsync(_migrations);

        Assert.Equal(ReleasedFiles, first.Applied);
        Assert.Equal(["0001_core_schema.sql", "0002_pnl_views.sql"], first.Applied.Take(2));
        Assert.Empty(second.Applied);
        Assert.Equal(ReleasedFiles.Count, second.AlreadyApplied);
        Assert.Equal(schemaAfterFirst, await SchemaFingerprintAsync());
        Assert.Contains("table positions", schemaAfterFirst);
        Assert.Contains("view v_daily_pnl", schemaAfterFirst);
    }

    [Fact]
    public async Task Migrate_WhenAppliedFileWasEdited_RefusesNamingTheFile()
    {
        await _db.MigrateAsync(_migrations);
        await File.AppendAllTextAsync(Path.Combine(_migrations, "0002_pnl_views.sql"), "\n-- edited after release\n");
        await File.WriteAllTextAsync(Path.Combine(_migrations, "9999_next.sql"), "CREATE TABLE next_table (id int);");

        var error = await Assert.ThrowsAsync<MigrationException>(() => _db.MigrateAsync(_migrations));

        Assert.Contains("0002_pnl_views.sql", error.Message);
        // Refused before anything ran: the new file was not applied.
        Assert.Equal(0, await _db.CountAsync("pg_tables", "tablename = 'next_table'"));
    }

    [Fact]
    public async Task Migrate_WithCrlfLineEndings_HasTheSameChecksum()
    {
        await _db.MigrateAsync(_migrations);
        var path = Path.Combine(_migrations, "0001_core_schema.sql");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("\n", "\r\n", StringComparison.Ordinal));

        var report = await _db.MigrateAsync(_migrations);

        Assert.Empty(report.Applied);
    }

    [Fact]
    public async Task Migrate_FromFourProcessesAtOnce_AppliesEachFileOnce()
    {
        var runs = Enumerable.Range(0, 4).Select(_ => Task.Run(() => _db.MigrateAsync(_migrations)));

        var reports = await Task.WhenAll(runs);

        Assert.Equal(ReleasedFiles.Count, reports.Sum(r => r.Applied.Count));
        Assert.Equal(ReleasedFiles.Count, await _db.CountAsync("schema_migrations"));
    }

    [Fact]
    public async Task Migrate_WhenAFileFails_RollsBackThatFileOnly()
    {
        await File.WriteAllTextAsync(Path.Combine(_migrations, "9999_broken.sql"), "CREATE TABLE half_done (id int);\nSELECT 1/0;");

        var error = await Assert.ThrowsAsync<MigrationException>(() => _db.MigrateAsync(_migrations));

        Assert.Contains("9999_broken.sql", error.Message);
        Assert.Equal(ReleasedFiles.Count, await _db.CountAsync("schema_migrations"));
        Assert.Equal(0, await _db.CountAsync("pg_tables", "tablename = 'half_done'"));
    }

    [Fact]
    public async Task Migrate_MisnamedFile_Refuses()
    {
        await File.WriteAllTextAsync(Path.Combine(_migrations, "3_no_padding.sql"), "SELECT 1;");

        var error = await Assert.ThrowsAsync<MigrationException>(() => _db.MigrateAsync(_migrations));

        Assert.Contains("3_no_padding.sql", error.Message);
    }

    [Fact]
    public async Task AuditEvents_RejectUpdateAndDelete()
    {
        await _db.MigrateAsync(_migrations);
        await _db.ExecuteAsync(
            "INSERT INTO audit_events (occurred_at, actor, event_type, entity_type, entity_id) VALUES (now(), 'test', 'x', 'y', '1')");

        await Assert.ThrowsAsync<PostgresException>(() => _db.ExecuteAsync("UPDATE audit_events SET actor = 'someone else'"));
        await Assert.ThrowsAsync<PostgresException>(() => _db.ExecuteAsync("DELETE FROM audit_events"));
        await Assert.ThrowsAsync<PostgresException>(() => _db.ExecuteAsync("TRUNCATE audit_events"));
        Assert.Equal(1, await _db.CountAsync("audit_events", "actor = 'test'"));
    }

    /// <summary>Tables, views and columns with types, plus the migration rows: what a second run must not change.</summary>
    private async Task<string> SchemaFingerprintAsync()
    {
        await using var command = _db.DataSource.CreateCommand(
            """
            SELECT string_agg(line, E'\n' ORDER BY line) FROM (
                SELECT CASE c.relkind WHEN 'v' THEN 'view ' ELSE 'table ' END || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) AS line
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v') AND a.attnum > 0 AND NOT a.attisdropped
                UNION ALL
                SELECT 'migration ' || version || ' ' || checksum || ' ' || applied_at FROM schema_migrations) s
            """);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
