using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary><c>optauto db migrate</c> against an empty database.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class DbMigrateCliTests(PostgresServer server) : CliTestBase(server, migrate: false)
{
    private static readonly string[] Files =
        [.. Directory.EnumerateFiles(RepositoryRoot.Migrations, "*.sql").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Migrate_OnFreshDatabase_AppliesEveryMigrationThenReportsNothingNew()
    {
        var first = (await Cli.RunAsync("db", "migrate")).Succeeded();

        foreach (var file in Files)
        {
            Assert.Contains($"applied {file}", first.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains($"({Files.Length} migrations, {Files.Length} new)", first.Stdout, StringComparison.Ordinal);
        Assert.Equal("", first.Stderr);
        Assert.Equal(Files.Length, await Db.CountAsync("schema_migrations"));
        Assert.Equal(1L, await Db.CountAsync("schema_migrations", "version = 1 AND name = 'core_schema' AND length(checksum) = 64"));
        Assert.Equal(1L, await Db.CountAsync("schema_migrations", "version = 2 AND name = 'pnl_views' AND length(checksum) = 64"));

        // The schema is usable: every table and view the CLI reads exists and is empty.
        foreach (var relation in new[] { "positions", "trade_history", "audit_events", "trade_requests", "fills", "outbox", "v_daily_pnl" })
        {
            Assert.Equal(0L, await Db.CountAsync(relation));
        }

        Assert.Equal(1L, await Db.CountAsync("v_performance_metrics", "total_trades = 0"));

        var second = (await Cli.RunAsync("db", "migrate")).Succeeded();

        Assert.DoesNotContain("applied ", second.Stdout, StringComparison.Ordinal);
        Assert.Contains($"database is up to date ({Files.Length} migrations, 0 new)", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(Files.Length, await Db.CountAsync("schema_migrations"));
    }
}
