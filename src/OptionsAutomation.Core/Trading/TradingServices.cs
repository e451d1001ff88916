using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Risk.Portfolio;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// The worker's trading use cases wired once to a set of <see cref="TradingPorts"/>: screening and proposing, approval
/// and execution, marks, exits, rolls, expirations, proposal expiry and the trading controls. A backtest drives these over the
/// in-memory book; the drift test drives them over Postgres and over the book alike, so both run the very same code.
/// The worker's container still resolves the same constructors itself (Hosting/ServiceRegistration): a change to how
/// one use case is built must be made in both places until the worker registers from this class.
/// </summary>
public sealed class TradingServices
{
    public TradingServices(TradingPorts ports, TradingSettings settings, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(settings);
        var calendar = new NyseCalendar();
        var gate = new RiskGate(settings.Risk, clock, settings.Portfolio);
        var turns = new KeyedGate();
        var walks = new PriceWalkPlanner(ports.MarketData, settings.Execution, settings.Proposals);
        Controls = new TradingControlsService(ports.Controls, ports.Journal, settings.Risk);
        var risk = new PortfolioRiskService(ports.Positions, ports.MarketData, ports.Account, calendar, settings.Pricing, settings.Portfolio,
            new PortfolioRiskAnalyzer(settings.Portfolio, settings.Risk, settings.Pricing), ports.RiskHistory);
        var snapshots = new RiskSnapshots(ports.Positions, ports.Account, Controls, risk, settings.Proposals);
        var executor = new OrderExecutor(ports.Broker, settings.Execution, ports.PollDelay, clock, ports.Journal);
        Positions = new PositionManager(ports.Positions, ports.Journal, settings.Exits, clock);
        Marks = new MarkToMarketService(ports.Positions, ports.Marks, new PositionValuer(ports.MarketData, settings.Exits), new GreeksEstimator(settings.Pricing), clock);
        var sizer = new PositionSizer(ports.Positions, ports.MarketData, risk, calendar, settings.Sizing, settings.Risk, settings.Portfolio, settings.Exits,
            models: ports.SizingModels, vix: ports.Vix);
        Proposals = new ProposalService(ports.Journal, ports.Positions, ports.MarketData, snapshots, gate, calendar, settings.Proposals, sizer, settings.Exits,
            settings.ScalingIn, settings.Portfolio, clock);
        Approvals = new ApprovalService(ports.Proposals, ports.Journal, ports.Positions, Positions, ports.MarketData, executor, snapshots, gate, calendar,
            settings.Execution, settings.Exits, turns, walks, clock);
        Exits = new ExitService(ports.Positions, Marks, ports.Closes, ports.Journal, ports.Alerts, executor, Controls, turns, settings.Exits, calendar,
            settings.Execution, walks, clock);
        Rolls = new Adjustments.RollService(ports.Positions, ports.Orders, ports.Closes, ports.Journal, ports.MarketData, executor, snapshots, gate, walks, calendar,
            settings.Execution, settings.Exits, turns, clock);
        Expirations = new ExpirationService(ports.Positions, ports.MarketData, ports.Journal, ports.Alerts, calendar, clock);
        Expiry = new ProposalExpiry(ports.Journal);
    }

    public ProposalService Proposals { get; }

    public ApprovalService Approvals { get; }

    public PositionManager Positions { get; }

    public MarkToMarketService Marks { get; }

    public ExitService Exits { get; }

    public Adjustments.RollService Rolls { get; }

    public ExpirationService Expirations { get; }

    public ProposalExpiry Expiry { get; }

    public TradingControlsService Controls { get; }
}
