using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Proposals.Sizing.Ml;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Journal;
using OptionsAutomation.Infrastructure.Brokers;

namespace OptionsAutomation.Infrastructure.InMemory;

/// <summary>
/// The worker's trading use cases (<see cref="TradingServices"/>) wired to a book kept in memory instead of Postgres and
/// the broker: what a backtest replays history through, thousands of sessions a second. The book holds rows, not rules:
/// every decision is Core's, and each adapter writes what its Postgres counterpart writes for the same event (the drift
/// test runs one scenario through both and compares them). Single-threaded: one driver calls the services one at a time.
/// </summary>
public sealed class InMemoryBook
{
    private readonly BookState _state = new();

    /// <param name="settings">The trading settings of the run.</param>
    /// <param name="paper">The paper broker's fill rules and starting cash (the account's equity before any trade).</param>
    /// <param name="marketData">The market the broker fills against and the services read.</param>
    /// <param name="clock">The replay's clock; order polls advance it.</param>
    /// <param name="ml">The <c>ml</c> sizing's models and VIX closes; none by default (it then falls back to <c>fixed</c>).</param>
    public InMemoryBook(TradingSettings settings, PaperBrokerSettings paper, IMarketData marketData, SimulatedClock clock, (ISizingModels Models, DailyCloses Vix)? ml = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(paper);
        Positions = new InMemoryPositionStore(_state);
        Proposals = new InMemoryProposalStore(_state);
        Orders = new InMemoryOrderRecords(_state);
        Account = new InMemoryAccountEquity(_state, paper.StartingEquity);
        Broker = new InMemoryBroker(marketData, paper, clock);
        Controls = new InMemoryTradingControls(_state);
        Journal = new InMemoryTradingJournal(_state, settings.Risk);
        Services = new TradingServices(
            new TradingPorts(Journal, Positions, Proposals, Orders, new InMemoryMarkLedger(_state),
                new InMemoryCloseLedger(_state), new InMemoryAlertQueue(_state), Controls, Account, new InMemoryRiskHistory(),
                Broker, new SimulatedPollDelay(clock), marketData)
            {
                SizingModels = ml?.Models ?? NoSizingModels.Instance,
                Vix = ml?.Vix ?? DailyCloses.None,
            },
            settings, clock);
    }

    public TradingServices Services { get; }

    /// <summary>Where the services write: one transaction per entry, commit-or-nothing.</summary>
    public ITradingJournal Journal { get; }

    public IPositionStore Positions { get; }

    public IProposalStore Proposals { get; }

    public IOrderRecords Orders { get; }

    public IAccountEquity Account { get; }

    public ITradingControlsReader Controls { get; }

    public IBroker Broker { get; }

    /// <summary>Every alert the run queued, in order (what the outbox would hold).</summary>
    public IReadOnlyList<Alert> Alerts => _state.Outbox;
}
