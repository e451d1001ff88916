using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Risk;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// The emergency reduction (<c>positions close-all</c>, <c>POST /api/positions/close-all</c>, Telegram <c>/flatten</c>):
/// trading moves to REDUCING, then every matching OPEN option position is closed through the normal closing path
/// (<see cref="ExitService.CloseManuallyAsync"/>, reason <c>manual</c>), one order each, one position after another, and
/// each outcome is reported. The closing path keeps one working order per position, so a run at the same time as this
/// one, or the exit job, sends no second order; a repeat finds the positions closed. The state change is audited by
/// <see cref="ITradingControls.TightenStateAsync"/>, each close by the closing path.
/// </summary>
public sealed class EmergencyReduction(IPositionStore positions, ExitService exits, ITradingControls controls, TimeProvider clock)
{
    /// <summary>What a run would close now, changing nothing.</summary>
    /// <exception cref="TradingHaltedException">while HALTED: a run would send nothing.</exception>
    public async Task<IReadOnlyList<Position>> PreviewAsync(ReductionScope scope, CancellationToken cancellationToken)
    {
        ThrowIfHalted((await controls.GetAsync(cancellationToken).ConfigureAwait(false)).State);
        return await MatchingAsync(scope, cancellationToken).ConfigureAwait(false);
    }

    /// <exception cref="TradingHaltedException">while HALTED (left as it is): nothing was sent.</exception>
    public async Task<ReductionResult> RunAsync(ReductionScope scope, string actor, CancellationToken cancellationToken)
    {
        // The state first, so nothing new opens while the positions close. Tightening is decided under the controls'
        // row lock: it never loosens HALTED, even one set a moment ago.
        var changed = await controls.TightenStateAsync(
            TradingState.Reducing, $"emergency reduction: close-all {scope}", actor, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var state = changed?.State ?? (await controls.GetAsync(cancellationToken).ConfigureAwait(false)).State;
        ThrowIfHalted(state);

        var outcomes = new List<PositionReduction>();
        foreach (var position in await MatchingAsync(scope, cancellationToken).ConfigureAwait(false))
        {
            outcomes.Add(await CloseAsync(position, actor, cancellationToken).ConfigureAwait(false));
        }

        return new ReductionResult(scope.Ticker, scope.Strategy, state, changed is not null, outcomes);
    }

    // The ticker narrows the query; the scope's rule decides (and leaves shares out).
    private async Task<List<Position>> MatchingAsync(ReductionScope scope, CancellationToken cancellationToken) =>
        [.. (await positions.ListAsync(PositionStatusFilter.Open, scope.Ticker, cancellationToken).ConfigureAwait(false)).Where(scope.Matches)];

    // The closing path's own rule (closing orders go out unless HALTED), so the two never disagree.
    private static void ThrowIfHalted(TradingState state)
    {
        if (!RiskGate.CheckClosing(state).Allowed)
        {
            throw TradingHaltedException.Reducing();
        }
    }

    private async Task<PositionReduction> CloseAsync(Position position, string actor, CancellationToken cancellationToken)
    {
        try
        {
            var check = await exits.CloseManuallyAsync(position.PositionId, actor, walk: false, cancellationToken).ConfigureAwait(false);
            return check.Closed is { IsPartial: false, Trade: var trade }
                ? Outcome(position, ReductionOutcome.Closed, $"exit {MoneyText.Price(trade.ExitPrice)}, realized {MoneyText.Signed(trade.PnlRealized)}", trade.PnlRealized)
                : Outcome(position, ReductionOutcome.Failed, check.OrderError ?? "not closed", check.Closed?.Trade.PnlRealized);
        }
        catch (TradingRuleException e)
        {
            // A refusal concerns this position only: report it and go on with the others.
            return Outcome(position, e switch
            {
                OrderInProgressException => ReductionOutcome.AlreadyClosing,
                PositionNotOpenException => ReductionOutcome.NotOpen,
                MarketClosedException => ReductionOutcome.MarketClosed,
                _ => ReductionOutcome.Failed,
            }, e.Message, null);
        }
    }

    private static PositionReduction Outcome(Position position, ReductionOutcome outcome, string detail, decimal? realizedPnl) =>
        new(position.PositionId, position.Ticker, position.StrategyType, outcome, detail, realizedPnl);
}
