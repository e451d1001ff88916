using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary><c>optauto db migrate</c> against an empty database.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Cli")]
public sealed class DbMigrateCliTests(PostgresServer server) : CliTestBase(server, migrate: false)
{
    [Fact]
    public async Task Migrate_OnFreshDatabase_AppliesBothMigrationsThenReportsNothingNew()
    {
        var first = (await Cli.RunAsync("db", "migrate")).Succeeded();

        Assert.Contains("applied 0001_core_schema.sql", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("applied 0002_pnl_views.sql", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("(2 migrations, 2 new)", first.Stdout, StringComparison.Ordinal);
        Assert.Equal("", first.Stderr);
        Assert.Equal(2L, await Db.CountAsync("schema_migrations"));
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
        Assert.Contains("database is up to date (2 migrations, 0 new)", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(2L, await Db.CountAsync("schema_migrations"));
    }
}
