using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;

namespace OptionsAutomation.Core.Backtest;

/// <summary>
/// What the worker's services did over a run, beyond the trades: proposals made and how the stand-in person decided them,
/// the screen's denials by code (why a morning proposed nothing), breaker resets, settlements the expiration job could not make that day
/// (the worker settles them at a later close), and positions still open at the end
/// (valued at their last mark in the final equity), and the trading controls at the end: a state the worker
/// tightened (e.g. HALTED on an unbooked fill) stays so, as it would until a person acts, and every report says so.
/// </summary>
public sealed record BacktestActivity(
    int Proposals,
    int Approved,
    int Rejected,
    int BreakerResets,
    IReadOnlyDictionary<ScreenDenialCode, int> Denials,
    int SettlementErrors,
    int OpenAtEnd,
    TradingControls Controls);
