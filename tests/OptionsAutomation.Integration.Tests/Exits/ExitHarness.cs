using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Pricing;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Journal;
using OptionsAutomation.Core.Trading.Adjustments;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Infrastructure.Risk;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Exits;

/// <summary>The exit automation wired to a real database, scripted quotes and a broker of the test's choice.</summary>
internal sealed class ExitHarness
{
    /// <param name="crash">A step at which this harness's ledger or broker kills the "process" (see <see cref="CrashProxy{T}"/>).</param>
    public ExitHarness(
        TestDatabase db, RealTimersClock clock, ExitRuleSettings? rules = null, IBroker? broker = null, PaperBrokerSettings? paper = null, Func<IBroker, IBroker>? wrap = null,
        CrashStep? crash = null, ExecutionSettings? execution = null, NpgsqlDataSource? dataSource = null)
    {
        // A worker of its own (the shared-sweep test) connects through its own data source.
        var source = dataSource ?? db.DataSource;
        DataSource = source;
        Execution = execution ?? Unwalked;
        Rules = rules ?? new ExitRuleSettings();
        Clock = clock;
        Db = db;
        Positions = db.Positions(clock, Rules);
        var store = new PostgresPositionStore(source);
        Closes = new PostgresCloseLedger(source);
        Journal = new PostgresTradingJournal(source, NullLogger<PostgresTradingJournal>.Instance);
        var journal = CrashProxy<ITradingJournal>.Wrap(Journal, crash);
        Alerts = new PostgresAlertQueue(source);
        Marks = new MarkToMarketService(store, CrashProxy<IMarkLedger>.Wrap(new PostgresMarkLedger(source), crash), new PositionValuer(Quotes, Rules), new GreeksEstimator(new PricingSettings()), clock);
        Paper = broker ?? new PaperBroker(source, Quotes, paper ?? new PaperBrokerSettings { FeePerContract = 0m, PriceImprovement = 0.01m }, clock);
        Broker = CrashProxy<IBroker>.Wrap(wrap is null ? Paper : wrap(Paper), crash);
        Controls = db.Controls();
        Exits = new ExitService(store, Marks, CrashProxy<ICloseLedger>.Wrap(Closes, crash), journal, Alerts, new OrderExecutor(Broker, Execution, new AdvancingDelay(clock), clock, journal), Controls, new KeyedGate(), Rules,
            new Core.Calendar.NyseCalendar(), Execution, Walks(), clock);
        Expirations = new ExpirationService(store, Quotes, journal, Alerts, new Core.Calendar.NyseCalendar(), clock);
    }

    /// <summary>
    /// The execution settings of the exit tests written before price walking: a close is marketable (fills at the touch),
    /// which their prices pin. Walking tests pass settings of their own.
    /// </summary>
    public static ExecutionSettings Unwalked { get; } = new() { PriceWalk = new PriceWalkSettings { Enabled = false } };

    public ExecutionSettings Execution { get; }

    public TestDatabase Db { get; }

    /// <summary>What this harness's services connect through (the database's own, unless given one).</summary>
    public NpgsqlDataSource DataSource { get; }

    public RealTimersClock Clock { get; }

    public ExitRuleSettings Rules { get; }

    public ScriptedMarketData Quotes { get; } = new();

    public PositionManager Positions { get; }

    public MarkToMarketService Marks { get; }

    /// <summary>The broker the orders go to (the paper broker, or what the test wrapped it in).</summary>
    public IBroker Broker { get; }

    /// <summary>The broker behind any wrapper: what recovery finds after the process that sent the order died.</summary>
    public IBroker Paper { get; }

    public PostgresCloseLedger Closes { get; }

    public PostgresTradingJournal Journal { get; }

    public PostgresAlertQueue Alerts { get; }

    public TradingControlsService Controls { get; }

    public ExitService Exits { get; }

    public ExpirationService Expirations { get; }

    /// <summary>The emergency reduction (close-all) over this harness's exit service and trading controls.</summary>
    public EmergencyReduction Reduction() => new(Db.Store(Clock), Exits, Controls, Clock);

    /// <summary>The exit service of a fresh process over the same database and broker (after a crash).</summary>
    public ExitService Restarted() => new(Db.Store(Clock),
        new MarkToMarketService(Db.Store(Clock), new PostgresMarkLedger(Db.DataSource), new PositionValuer(Quotes, Rules), new GreeksEstimator(new PricingSettings()), Clock),
        Closes, Journal, Alerts, new OrderExecutor(Paper, Execution, new AdvancingDelay(Clock), Clock, Journal), Controls,
        new KeyedGate(), Rules, new Core.Calendar.NyseCalendar(), Execution, Walks(), Clock);

    /// <summary>The adjustment sweep over this harness's positions, quotes and journal.</summary>
    public AdjustmentReview Review(AdjustmentSettings? settings = null, ProposalSettings? proposals = null) => new(
        Db.Store(Clock), Quotes, Journal, settings ?? new AdjustmentSettings(), proposals ?? new ProposalSettings(),
        new Core.Calendar.NyseCalendar(), Clock);

    /// <summary>The exit job's sweep (claims in Postgres, or through <paramref name="ledger"/>) over this harness's exit service.</summary>
    public ExitSweep Sweep(AdjustmentReview review, ISweepLedger? ledger = null, int batchSize = MarkToMarketService.BatchSize) =>
        new(ledger ?? new PostgresSweepLedger(DataSource, Clock), Exits, review, batchSize);

    private PriceWalkPlanner Walks() => new(Quotes, Execution, new ProposalSettings());

    /// <summary>The expiration service of a fresh process (after a crash).</summary>
    public ExpirationService RestartedExpirations() => new(Db.Store(Clock), Quotes, Journal, Alerts, new Core.Calendar.NyseCalendar(), Clock);

    public Task<OpenedPosition> OpenCspAsync(string requestId, decimal strike, decimal credit, DateOnly expiration, DateTimeOffset openedAt, int quantity = 1, string ticker = "SPY") =>
        Positions.OpenAsync(new OpenPositionRequest
        {
            RequestId = requestId,
            Strategy = StrategyType.CashSecuredPut,
            Ticker = ticker,
            Expiration = expiration,
            ShortStrike = strike,
            Credit = credit,
            Quantity = quantity,
            OpenedAt = openedAt,
            Actor = "test",
        });

    public Task<OpenedPosition> OpenVpcAsync(string requestId, decimal shortStrike, decimal longStrike, decimal credit, DateOnly expiration, DateTimeOffset openedAt) =>
        Positions.OpenAsync(new OpenPositionRequest
        {
            RequestId = requestId,
            Strategy = StrategyType.VerticalPutCredit,
            Ticker = "SPY",
            Expiration = expiration,
            ShortStrike = shortStrike,
            LongStrike = longStrike,
            Credit = credit,
            Quantity = 1,
            OpenedAt = openedAt,
            Actor = "test",
        });

    /// <summary>Quotes the single leg of a CSP.</summary>
    public void QuoteShortPut(Position position, decimal? bid, decimal? ask, DateTimeOffset at) =>
        Quotes.Quote(position.Legs[0].Contract, bid, ask, at);

    public async Task<ExitCheck> RunOneAsync(bool execute = true) =>
        Assert.Single(await Exits.RunAsync(Clock.GetUtcNow(), execute, CancellationToken.None));
}
