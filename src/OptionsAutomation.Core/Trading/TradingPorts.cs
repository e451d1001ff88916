using OptionsAutomation.Core.MarketData;
using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Proposals.Sizing.Ml;
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
    IMarketData MarketData)
{
    /// <summary>The <c>ml</c> sizing's models (none: every <c>ml</c> sizing falls back to <c>fixed</c>, recording its features).</summary>
    public ISizingModels SizingModels { get; init; } = NoSizingModels.Instance;

    /// <summary>The VIX closes the <c>ml</c> sizing's features read (none: <c>ml</c> cannot compute them and falls back).</summary>
    public DailyCloses Vix { get; init; } = DailyCloses.None;
}
