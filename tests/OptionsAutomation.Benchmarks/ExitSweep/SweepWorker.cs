using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OptionsAutomation.Core.Calendar;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Marks;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Pricing;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Adjustments;
using OptionsAutomation.Infrastructure.Brokers;
using OptionsAutomation.Infrastructure.Postgres;
using OptionsAutomation.Infrastructure.Risk;
using SweepService = OptionsAutomation.Core.Trading.ExitSweep;

namespace OptionsAutomation.Benchmarks.ExitSweep;

/// <summary>One worker's exit services over its own pool and its own synthetic market, wired as the host wires them.</summary>
internal sealed class SweepWorker
{
    public SweepWorker(NpgsqlDataSource source, IMarketData market, TimeProvider clock)
    {
        var rules = new ExitRuleSettings();
        var execution = new ExecutionSettings();
        var calendar = new NyseCalendar();
        var store = new PostgresPositionStore(source);
        var journal = new PostgresTradingJournal(source, NullLogger<PostgresTradingJournal>.Instance);
        var valuer = new PositionValuer(market, rules);
        Ledger = new PostgresMarkLedger(source);
        var marks = new MarkToMarketService(store, Ledger, valuer, new GreeksEstimator(new PricingSettings()), clock);
        var broker = new PaperBroker(source, market, new PaperBrokerSettings(), clock);
        Exits = new ExitService(store, marks, new PostgresCloseLedger(source), journal, new PostgresAlertQueue(source),
            new OrderExecutor(broker, execution, new ClockDelay(clock), clock, journal),
            new TradingControlsService(new PostgresTradingControls(source), journal, new RiskSettings()), new KeyedGate(), rules, calendar, execution,
            new PriceWalkPlanner(market, execution, new ProposalSettings()), clock);
        Sweeps = new PostgresSweepLedger(source, clock);
        Sweep = new SweepService(Sweeps, Exits,
            new AdjustmentReview(store, market, journal, new AdjustmentSettings(), new ProposalSettings(), calendar, clock));
    }

    public PostgresMarkLedger Ledger { get; }

    public ExitService Exits { get; }

    public PostgresSweepLedger Sweeps { get; }

    public SweepService Sweep { get; }
}
