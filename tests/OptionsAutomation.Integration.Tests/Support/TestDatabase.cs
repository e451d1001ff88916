using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Journal;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Infrastructure.Risk;

namespace OptionsAutomation.Integration.Tests.Support;

/// <summary>A fresh, migrated database of its own for one test class, dropped at the end.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly PostgresServer _server;

    private TestDatabase(PostgresServer server, string connectionString, string ownerConnectionString, string? appRole)
    {
        _server = server;
        ConnectionString = connectionString;
        OwnerConnectionString = ownerConnectionString;
        AppRole = appRole;
        DataSource = NpgsqlDataSource.Create(connectionString);
        OwnerDataSource = ownerConnectionString == connectionString ? DataSource : NpgsqlDataSource.Create(ownerConnectionString);
    }

    /// <summary>What the code under test connects with: the server's admin, or the application role (<see cref="CreateWithRolesAsync"/>).</summary>
    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Who migrates: the admin too, or the owner role (<see cref="CreateWithRolesAsync"/>).</summary>
    public string OwnerConnectionString { get; }

    public NpgsqlDataSource OwnerDataSource { get; }

    /// <summary>The role migrations grant privileges to; null when one role does everything.</summary>
    public string? AppRole { get; }

    public static async Task<TestDatabase> CreateAsync(PostgresServer server, bool migrate = true)
    {
        var connectionString = await server.CreateDatabaseAsync();
        var database = new TestDatabase(server, connectionString, connectionString, appRole: null);
        if (migrate)
        {
            await database.MigrateAsync(RepositoryRoot.Migrations);
        }

        return database;
    }

    /// <summary>
    /// A database as deployed with two roles: owned by <see cref="PostgresServer.OwnerRole"/>, migrated by it (unless
    /// told otherwise), and <see cref="DataSource"/> connecting as <see cref="PostgresServer.AppRole"/>.
    /// </summary>
    public static async Task<TestDatabase> CreateWithRolesAsync(PostgresServer server, bool migrate = true)
    {
        var admin = await server.CreateDatabaseAsync(PostgresServer.OwnerRole);
        var database = new TestDatabase(
            server, PostgresServer.As(admin, PostgresServer.AppRole), PostgresServer.As(admin, PostgresServer.OwnerRole), PostgresServer.AppRole);
        if (migrate)
        {
            await database.MigrateAsync(RepositoryRoot.Migrations);
        }

        return database;
    }

    /// <summary>Migrates as the owner and grants the application role, as <c>optauto db migrate</c> does.</summary>
    public Task<MigrationReport> MigrateAsync(string directory) =>
        new MigrationRunner(OwnerDataSource, NullLogger<MigrationRunner>.Instance).MigrateAsync(directory, AppRole, CancellationToken.None);

    /// <summary>The positions as stored (the clock is the caller's, for symmetry with <see cref="Positions"/>; reads need none).</summary>
    public PostgresPositionStore Store(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new(DataSource);
    }

    public PostgresTradingJournal Journal(RiskSettings? risk = null) => new(DataSource, NullLogger<PostgresTradingJournal>.Instance, risk);

    public PositionManager Positions(TimeProvider clock, ExitRuleSettings? rules = null) =>
        new(Store(clock), Journal(), rules ?? new ExitRuleSettings(), clock);

    /// <summary>The trading state and breaker as the application changes them: decided in Core, written by the journal.</summary>
    public TradingControlsService Controls(RiskSettings? risk = null) => new(new PostgresTradingControls(DataSource), Journal(risk), risk ?? new RiskSettings());

    public ProposalExpiry Expiry() => new(Journal());

    /// <summary>Moves a proposal as the approval path does (to set up the rows a crash leaves); throws when it is not in <paramref name="from"/>.</summary>
    public async Task<TradeProposal> DecideAsync(string requestId, ProposalStatus from, ProposalStatus to, string by, DateTimeOffset now)
    {
        await using var entry = await Journal().BeginAsync(CancellationToken.None);
        var locked = await entry.LockProposalAsync(requestId, CancellationToken.None) ?? throw new InvalidOperationException($"no proposal {requestId}");
        var (moved, events) = ProposalBooking.Move(locked, [from], to, by, null, now) ?? throw new InvalidOperationException($"proposal {requestId} is {locked.Status}");
        await entry.CommitAsync(events, now, CancellationToken.None);
        return moved;
    }

    /// <summary>From now on every insert into the outbox fails in the database: a change and its alert must then both be missing.</summary>
    public Task FailOutboxInsertsAsync() => ExecuteAsync(
        """
        CREATE FUNCTION fail_outbox() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected outbox failure'; END; $$;
        CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION fail_outbox();
        """);

    /// <summary>Writes <paramref name="events"/> in one journal entry, as a use case would.</summary>
    public async Task CommitAsync(IReadOnlyList<TradingEvent> events, DateTimeOffset now)
    {
        await using var entry = await Journal().BeginAsync(CancellationToken.None);
        await entry.CommitAsync(events, now, CancellationToken.None);
    }

    public async Task<long> CountAsync(string table, string where = "true")
    {
        await using var command = DataSource.CreateCommand($"SELECT count(*) FROM {table} WHERE {where}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The single value of <paramref name="sql"/>.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The first column of every row of <paramref name="sql"/>, in order.</summary>
    public async Task<List<T>> ListAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A <c>risk_snapshots</c> row with <paramref name="equity"/>, zero other headline figures and <paramref name="report"/> as its jsonb.</summary>
    public async Task InsertRiskSnapshotAsync(DateTimeOffset takenAt, string report = "{}", decimal equity = 100_000m)
    {
        await using var command = DataSource.CreateCommand(
            """
            INSERT INTO risk_snapshots (taken_at, equity, positions, exposure_total, exposure_collateral, exposure_max_loss, delta_dollars,
                gamma_dollars, theta_dollars, vega_dollars, var_confidence, drawdown_current, drawdown_max, report)
            VALUES ($1, $3, 0, 0, 0, 0, 0, 0, 0, 0, 0.95, 0, 0, $2::jsonb)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = takenAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = report });
        command.Parameters.Add(new NpgsqlParameter { Value = equity });
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (!ReferenceEquals(OwnerDataSource, DataSource))
        {
            await OwnerDataSource.DisposeAsync();
        }

        await _server.DropDatabaseAsync(ConnectionString);
    }
}
