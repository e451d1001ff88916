using Microsoft.Extensions.Logging.Abstractions;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Pricing;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Journal;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.MarketData.Csv;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Infrastructure.Risk;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Proposals;

/// <summary>
/// The proposal and approval services wired to one test database, a manual clock and the real SPY 2021
/// end-of-day chains (or a market the test gives), with the risk limits and paper account of the test.
/// </summary>
internal sealed class ProposalHarness(TestDatabase db, RealTimersClock clock, RiskSettings risk, PaperBrokerSettings? paper = null)
{
    /// <summary>The chains of data/market/chains/spy_2021, loaded once for every test.</summary>
    public static CsvMarketData SpyChains2021 { get; } = new(
        new CsvMarketDataSettings { ChainFiles = [Path.Combine(RepositoryRoot.Path, "data", "market", "chains", "spy_2021", "spy_options_2021.csv")] },
        NullLogger<CsvMarketData>.Instance);

    public static ProposalSettings SpyOnly(params string[] strategies) =>
        new() { Watchlist = new Dictionary<string, IReadOnlyList<string>> { ["SPY"] = strategies } };

    private PaperBrokerSettings Paper { get; } = paper ?? new PaperBrokerSettings();

    public PostgresProposalStore Store() => new(db.DataSource);

    public PostgresTradingJournal Journal() => new(db.DataSource, NullLogger<PostgresTradingJournal>.Instance, risk);

    public PaperAccount Account() => new(db.DataSource, Paper);

    public TradingControlsService Controls() => db.Controls(risk);

    /// <param name="portfolio">The portfolio risk settings the sizer and the correlations read (the defaults when not given).</param>
    /// <param name="scaling">Scaling in (off when not given).</param>
    public ProposalService Proposals(
        ProposalSettings settings, SizingSettings sizing, IMarketData? market = null, PortfolioRiskSettings? portfolio = null, ScalingInSettings? scaling = null)
    {
        var quotes = market ?? SpyChains2021;
        portfolio ??= new PortfolioRiskSettings();
        var sizer = new PositionSizer(db.Store(clock), quotes, Analysis(quotes, portfolio), new NyseCalendar(), sizing, risk, portfolio, new ExitRuleSettings());
        return new(Journal(), db.Store(clock), quotes, Snapshots(quotes, portfolio), new RiskGate(risk, clock, portfolio), new NyseCalendar(), settings, sizer, new ExitRuleSettings(),
            scaling ?? new ScalingInSettings(), portfolio, clock);
    }

    /// <summary>The paper broker of this harness's settings on <paramref name="market"/> (the SPY 2021 chains by default).</summary>
    public PaperBroker Broker(IMarketData? market = null) => new(db.DataSource, market ?? SpyChains2021, Paper, clock);

    /// <param name="crash">A step at which the proposal store, the position store or the broker kills the "process".</param>
    public ApprovalService Approvals(ExecutionSettings execution, IMarketData? market = null, IBroker? broker = null, CrashStep? crash = null)
    {
        var positions = CrashProxy<IPositionStore>.Wrap(db.Store(clock), crash);
        // One journal for the approval and the position it opens, so a step counts their entries together.
        var journal = CrashProxy<ITradingJournal>.Wrap(Journal(), crash);
        var quotes = market ?? SpyChains2021;
        var executor = new OrderExecutor(CrashProxy<IBroker>.Wrap(broker ?? Broker(quotes), crash), execution, new AdvancingDelay(clock), clock, journal);
        return new ApprovalService(
            CrashProxy<IProposalStore>.Wrap(Store(), crash), journal, positions, new PositionManager(positions, journal, new ExitRuleSettings(), clock), quotes, executor, Snapshots(quotes),
            new RiskGate(risk, clock), new NyseCalendar(), execution, new ExitRuleSettings(), new KeyedGate(), new PriceWalkPlanner(quotes, execution, new ProposalSettings()), clock);
    }

    private RiskSnapshots Snapshots(IMarketData market, PortfolioRiskSettings? portfolio = null) =>
        new(db.Store(clock), Account(), Controls(), Analysis(market, portfolio ?? new PortfolioRiskSettings()), new ProposalSettings());

    private PortfolioRiskService Analysis(IMarketData market, PortfolioRiskSettings portfolio)
    {
        var pricing = new PricingSettings();
        return new PortfolioRiskService(db.Store(clock), market, Account(), new NyseCalendar(), pricing, portfolio,
            new PortfolioRiskAnalyzer(portfolio, risk, pricing), new PostgresRiskHistory(db.DataSource));
    }
}
