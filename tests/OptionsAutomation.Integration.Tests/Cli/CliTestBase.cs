using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Cli;

/// <summary>
/// A fresh database per test (migrated unless told otherwise) and an <see cref="OptautoProcess"/> aimed at it.
/// Derived classes carry <c>[Collection(PostgresCollection.Name)]</c> and <c>[Trait("Category", "Cli")]</c>.
/// </summary>
public abstract class CliTestBase(PostgresServer server, bool migrate = true) : IAsyncLifetime
{
    /// <summary>The README's trade: SPY 580 put expiring 2026-03-20, sold for 1.50 on 2026-02-20.</summary>
    protected const string OpenedAt = "2026-02-20T14:17:00Z";
    protected const string Expiration = "2026-03-20";
    protected const string ClosedAt = "2026-02-27T19:00:00Z";
    protected const string SpyPut580 = "SPY   260320P00580000";

    private TestDatabase? _db;

    /// <summary>An hour on a winter New York date (EST, UTC−5), as seeded trades are dated.</summary>
    protected static DateTimeOffset NewYork(string date, int hour) =>
        new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(-5));
    private OptautoProcess? _cli;

    /// <summary>Environment variables for every <c>optauto</c> run of the test (settings as <c>Section__Key</c>); none by default.</summary>
    protected virtual IReadOnlyDictionary<string, string> CliEnvironment { get; } = new Dictionary<string, string>();

    protected TestDatabase Db => _db ?? throw new InvalidOperationException("the database is created in InitializeAsync.");

    private protected OptautoProcess Cli => _cli ?? throw new InvalidOperationException("the CLI is set up in InitializeAsync.");

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(server, migrate);
        _cli = new OptautoProcess(_db.ConnectionString, CliEnvironment);
    }

    public async Task DisposeAsync()
    {
        _cli?.Dispose();
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    /// <summary><c>positions add</c> arguments for the README's CSP, followed by <paramref name="extra"/>.</summary>
    protected static string[] AddReadmeCsp(params string[] extra) =>
    [
        "positions", "add", "--ticker", "SPY", "--strategy", "CSP", "--expiration", Expiration,
        "--short-strike", "580", "--credit", "1.50", "--quantity", "1", "--opened-at", OpenedAt, .. extra,
    ];

    /// <summary>Records a one-contract SPY CSP in-process (no CLI run), as <c>positions add</c> would.</summary>
    protected Task<Position> SeedSpyCspAsync(string requestId, DateOnly expiration, decimal strike, decimal credit, DateTimeOffset openedAt) =>
        SeedCspAsync(requestId, "SPY", expiration, strike, credit, openedAt);

    /// <summary>Records a one-contract CSP on <paramref name="ticker"/> in-process (no CLI run), as <c>positions add</c> would.</summary>
    protected async Task<Position> SeedCspAsync(string requestId, string ticker, DateOnly expiration, decimal strike, decimal credit, DateTimeOffset openedAt)
    {
        var opened = await Db.Positions(new RealTimersClock(DateTimeOffset.UtcNow)).OpenAsync(new OpenPositionRequest
        {
            RequestId = requestId,
            Strategy = StrategyType.CashSecuredPut,
            Ticker = ticker,
            Expiration = expiration,
            ShortStrike = strike,
            Credit = credit,
            Quantity = 1,
            OpenedAt = openedAt,
            Actor = "test-seed",
        });
        Assert.True(opened.Created);
        return opened.Position;
    }

    /// <summary>
    /// Opens a one-contract SPY CSP at 10:00 and closes it at 14:00 New York time (EST) at the given debit, in-process
    /// (no CLI run), as the closed trades of the report tests.
    /// </summary>
    protected async Task SeedClosedSpyCspAsync(
        string requestId, DateOnly expiration, decimal strike, decimal credit, string openedOn, string closedOn, decimal exitPrice, ExitReason reason)
    {
        var position = await SeedSpyCspAsync(requestId, expiration, strike, credit, NewYork(openedOn, 10));
        await Db.Positions(new RealTimersClock(DateTimeOffset.UtcNow))
            .CloseAsync(position.PositionId, new PositionExit(exitPrice, reason, NewYork(closedOn, 14), ExecutedBy.Manual, "test-seed"));
    }

    /// <summary>Records the README's CSP in-process (no CLI run), for tests about other verbs.</summary>
    protected async Task<Position> SeedOpenCspAsync(string requestId)
    {
        var manager = Db.Positions(new RealTimersClock(DateTimeOffset.UtcNow));
        var opened = await manager.OpenAsync(new OpenPositionRequest
        {
            RequestId = requestId,
            Strategy = StrategyType.CashSecuredPut,
            Ticker = "SPY",
            Expiration = new DateOnly(2026, 3, 20),
            ShortStrike = 580m,
            Credit = 1.50m,
            Quantity = 1,
            OpenedAt = DateTimeOffset.Parse(OpenedAt, System.Globalization.CultureInfo.InvariantCulture),
            Actor = "test-seed",
        });
        Assert.True(opened.Created);
        return opened.Position;
    }
}
