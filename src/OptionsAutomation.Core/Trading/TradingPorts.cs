using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading.Journal;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// The ports the trading use cases talk to storage, the broker and the market through. One set of adapters fills them:
/// Postgres and a real or paper broker for the worker, the in-memory book for a backtest.
/// </summary>
public sealed record TradingPorts(
    ITradingJournal Journal,
    IPositionStore Positions,
    IProposalStore Proposals,
    IOrderRecords Orders,
    IMarkLedger Marks,
    ICloseLedger Closes,
    IAlertQueue Alerts,
    ITradingControlsReader Controls,
    IAccountEquity Account,
    IRiskHistory RiskHistory,
    IBroker Broker,
    IPollDelay PollDelay,
    IMarketData MarketData);
