using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Instruments;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Pricing;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Adjustments;
using OptionsAutomation.Core.Trading.Journal;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Infrastructure.Risk;
using OptionsAutomation.Integration.Tests.Exits;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Adjustments;

/// <summary>
/// The roll use case over the exit harness's database, scripted quotes and paper broker (commission 0.65 per contract),
/// allowed outside a session, with the risk gate on the paper account.
/// </summary>
internal sealed class RollHarness
{
    public static readonly DateTimeOffset Now = new(2026, 2, 27, 15, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly March = new(2026, 3, 20);
    public static readonly DateOnly April = new(2026, 4, 17);

    private static readonly ExecutionSettings Unwalked = new() { AllowOutsideSession = true, PriceWalk = new PriceWalkSettings { Enabled = false } };
    private static readonly PaperBrokerSettings PaperSettings = new() { FeePerContract = 0.65m, PriceImprovement = 0m };

    /// <param name="brokerMarket">The market the paper broker trades on, when it is not the quotes the roll is priced by.</param>
    /// <param name="wrap">A broker wrapped around the paper broker for the roll's own calls (recovery asks the paper broker itself).</param>
    public RollHarness(
        TestDatabase db, CrashStep? crash = null, PaperBrokerSettings? paper = null, ScriptedMarketData? brokerMarket = null, Func<IBroker, IBroker>? wrap = null)
    {
        Db = db;
        Clock = new RealTimersClock(Now);
        Execution = Unwalked;
        Paper = paper ?? PaperSettings;
        Exits = new ExitHarness(db, Clock, paper: Paper, crash: crash, execution: Execution,
            broker: brokerMarket is null ? null : new PaperBroker(db.DataSource, brokerMarket, Paper, Clock), wrap: wrap);
        Rolls = Build(crash, Exits.Broker);
    }

    public TestDatabase Db { get; }

    public RealTimersClock Clock { get; }

    public ExecutionSettings Execution { get; }

    public PaperBrokerSettings Paper { get; }

    public ExitHarness Exits { get; }

    public ScriptedMarketData Quotes => Exits.Quotes;

    public RollService Rolls { get; }

    /// <summary>The roll service of a fresh process over the same database and broker book (after a crash).</summary>
    public RollService Restarted() => Build(null, Exits.Paper);

    /// <summary>Order recovery of a fresh process: what a restarted worker runs at start-up.</summary>
    public OrderRecoveryService Recovery() => new(new PostgresOrderRecords(Db.DataSource), new PostgresProposalStore(Db.DataSource),
        new Proposals.ProposalHarness(Db, Clock, new RiskSettings()).Approvals(Execution, Quotes, Exits.Paper), Exits.Restarted(), Restarted(), Exits.Alerts, Clock);

    /// <summary>SPY 580/575 March VPC, two contracts, sold for 1.20 and no fees.</summary>
    public async Task<Position> OpenVpcAsync(int quantity = 2) => (await Exits.Positions.OpenAsync(new OpenPositionRequest
    {
        RequestId = "vpc-580",
        Strategy = StrategyType.VerticalPutCredit,
        Ticker = "SPY",
        Expiration = March,
        ShortStrike = 580m,
        LongStrike = 575m,
        Credit = 1.20m,
        Quantity = quantity,
        OpenedAt = Now.AddDays(-20),
        Actor = "test",
    })).Position;

    /// <summary>
    /// Old legs: 580 March 1.00/1.10, 575 March 0.40/0.50; new legs: 580 April 2.00/2.10, 575 April 0.90/1.00. Net mid =
    /// 1.05 − 0.45 − 2.05 + 0.95 = −0.50 (a credit of 0.50); natural = 1.10 − 0.40 − 2.00 + 1.00 = −0.30.
    /// </summary>
    public void QuoteRoll(DateTimeOffset at) => QuoteRoll(Quotes, at);

    public static void QuoteRoll(ScriptedMarketData quotes, DateTimeOffset at)
    {
        quotes.Quote(Put(March, 580m), 1.00m, 1.10m, at);
        quotes.Quote(Put(March, 575m), 0.40m, 0.50m, at);
        quotes.Quote(Put(April, 580m), 2.00m, 2.10m, at);
        quotes.Quote(Put(April, 575m), 0.90m, 1.00m, at);
    }

    public static OptionContract Put(DateOnly expiration, decimal strike) => new("SPY", expiration, OptionRight.Put, strike);

    public static RollRequest Request(long positionId, decimal minimumCredit = 0.40m, string clientOrderId = "roll-adj-1") =>
        new(positionId, April, 580m, 575m, minimumCredit, clientOrderId, "alice");

    private RollService Build(CrashStep? crash, IBroker broker) => Service(Db, Clock, Quotes, broker, Execution, Paper, crash, Exits.Closes);

    /// <summary>
    /// A roll service over the database, market and broker of any test (the crash trials' recovery takes one), its risk gate on
    /// the paper account of <paramref name="paper"/>; <paramref name="crash"/> kills it at a journal or close-lock step.
    /// </summary>
    public static RollService Service(
        TestDatabase db, RealTimersClock clock, IMarketData quotes, IBroker broker, ExecutionSettings execution, PaperBrokerSettings paper,
        CrashStep? crash = null, ICloseLedger? closes = null, RiskSettings? limits = null)
    {
        var journal = CrashProxy<ITradingJournal>.Wrap(new PostgresTradingJournal(db.DataSource, Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresTradingJournal>.Instance), crash);
        var risk = limits ?? new RiskSettings();
        var portfolio = new PortfolioRiskSettings();
        var pricing = new PricingSettings();
        var account = new PaperAccount(db.DataSource, paper);
        var analysis = new PortfolioRiskService(db.Store(clock), quotes, account, new NyseCalendar(), pricing, portfolio,
            new PortfolioRiskAnalyzer(portfolio, risk, pricing), new PostgresRiskHistory(db.DataSource));
        return new RollService(db.Store(clock), new PostgresOrderRecords(db.DataSource), CrashProxy<ICloseLedger>.Wrap(closes ?? new PostgresCloseLedger(db.DataSource), crash),
            journal, quotes, new OrderExecutor(broker, execution, new AdvancingDelay(clock), clock, journal),
            new RiskSnapshots(db.Store(clock), account, db.Controls(risk), analysis, new ProposalSettings()), new RiskGate(risk, clock, portfolio),
            new PriceWalkPlanner(quotes, execution, new ProposalSettings()), new NyseCalendar(), execution, new ExitRuleSettings(), new KeyedGate(), clock);
    }
}
