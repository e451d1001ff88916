using System.Globalization;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// A message for people (Telegram, later), queued in the outbox in the same transaction as the change it
/// reports. <see cref="DedupKey"/> makes repeats of the same event one message.
/// </summary>
/// <param name="AdjustmentId">The recommendation an adjustment alert is about: the Telegram sender posts its card with buttons.</param>
/// <param name="Photo">A PNG picture (a scorecard card, a report's chart) stored with the outbox row and posted with the text as its caption.</param>
public sealed record Alert(string DedupKey, string Kind, string Text, long? PositionId, string? RequestId, long? AdjustmentId = null, byte[]? Photo = null)
{
    public static Alert Exit(ClosedPosition closed)
    {
        var p = closed.Position;
        var t = closed.Trade;
        var pnl = MoneyText.Signed(t.PnlRealized);
        var pct = t.PnlPercent.ToString("0.##", CultureInfo.InvariantCulture);
        return closed.IsPartial
            ? new($"exit:{p.PositionId}:{t.ClientOrderId}", "exit",
                $"Position {p.PositionId} partly closed — {p.Ticker} {p.StrategyType.ToCode()} — {t.ExitReason.ToCode()} — {t.Quantity} closed for {pnl} ({pct}%), {p.Quantity} still OPEN",
                p.PositionId, p.RequestId)
            : new($"exit:{p.PositionId}", "exit",
                $"Position {p.PositionId} exited — {p.Ticker} {p.StrategyType.ToCode()} — {t.ExitReason.ToCode()} — {pnl} ({pct}%)",
                p.PositionId, p.RequestId);
    }

    /// <summary>An exit the trading state did not let out (HALTED): once per position and New York day, not every five minutes.</summary>
    public static Alert ExitBlocked(Position position, Exits.ExitReason reason, string denial, DateOnly day) => new(
        $"exit-blocked:{position.PositionId}:{day:yyyy-MM-dd}", "exit_blocked",
        $"Position {position.PositionId} {position.Ticker} {position.StrategyType.ToCode()} is due to exit ({reason.ToCode()}) but no order was sent: {denial}. It stays OPEN.",
        position.PositionId, position.RequestId);

    public static Alert ExitFailed(Position position, Exits.ExitReason reason, string clientOrderId, string error) => new(
        $"exit-failed:{clientOrderId}", "exit_failed",
        $"Position {position.PositionId} {position.Ticker} {position.StrategyType.ToCode()}: closing order for {reason.ToCode()} failed ({error}); the position stays OPEN.",
        position.PositionId, position.RequestId);

    /// <summary>One alert per position, problem kind and New York day, so a bad feed does not page every five minutes.</summary>
    public static Alert MarkProblem(Position position, Marks.MarkQuality quality, string problem, DateOnly day) => new(
        $"mark:{position.PositionId}:{quality.ToString().ToUpperInvariant()}:{day:yyyy-MM-dd}", "mark_" + quality.ToString().ToLowerInvariant(),
        $"Position {position.PositionId} {position.Ticker} {position.StrategyType.ToCode()}: mark is {quality.ToString().ToUpperInvariant()} ({problem}); price exits are paused.",
        position.PositionId, position.RequestId);

    public static Alert Expiration(ClosedPosition closed, Exits.AssignedShares? shares, long? sharesPositionId)
    {
        var p = closed.Position;
        var t = closed.Trade;
        var pnl = MoneyText.Signed(t.PnlRealized);
        var text = shares is null
            ? $"Position {p.PositionId} {(t.ExitReason == Exits.ExitReason.Expired ? "expired worthless" : "settled in the money")} — {p.Ticker} {p.StrategyType.ToCode()} — exit {MoneyText.Price(t.ExitPrice)} — {pnl}"
            : $"Position {p.PositionId} assigned — {p.Ticker} {p.StrategyType.ToCode()} — put closed at {MoneyText.Price(t.ExitPrice)} intrinsic, {pnl}; " +
              $"opened position {sharesPositionId}: {shares.Shares} {shares.Ticker} at {MoneyText.Price(shares.Price)} " +
              $"(tax cost basis {MoneyText.Price(shares.CostBasisPerShare)}/share)";
        return new($"expiration:{p.PositionId}", shares is null ? "expiration" : "assignment", text, p.PositionId, p.RequestId);
    }

    /// <summary>Outbox kind of a new proposal; decisions use <c>proposal_{status}</c> and <c>executed</c>.</summary>
    public const string ProposalKind = "proposal";

    /// <summary>The new proposal for approvers; the Telegram sender posts it as a card with buttons.</summary>
    public static Alert Proposed(Proposals.TradeProposal proposal) => new(
        $"proposal:{proposal.RequestId}", ProposalKind,
        $"Proposal {proposal.RequestId}: {proposal.Ticker} {proposal.StrategyType.ToCode()} × {proposal.Quantity} at a credit of {MoneyText.Price(proposal.NetCredit)}",
        null, proposal.RequestId);

    /// <summary>
    /// What a proposal's new status tells people: a decision they wait on (rejected, expired, failed) edits its card;
    /// approval and execution under way say nothing (the outcome of an execution has its own alert).
    /// </summary>
    public static Alert? OnTransition(Proposals.TradeProposal changed) =>
        changed.Status is Proposals.ProposalStatus.Rejected or Proposals.ProposalStatus.Expired or Proposals.ProposalStatus.Failed ? Decided(changed) : null;

    /// <summary>The proposal was rejected, expired or failed: the sender edits its card to say so.</summary>
    public static Alert Decided(Proposals.TradeProposal proposal) => new(
        $"decided:{proposal.RequestId}", "proposal_" + proposal.Status.ToCode().ToLowerInvariant(),
        $"Proposal {proposal.RequestId} {proposal.Status.ToCode()}{(proposal.DecisionReason is null ? "" : $": {proposal.DecisionReason}")}",
        null, proposal.RequestId);

    /// <summary>The opening order filled (in whole or part) and the position is booked.</summary>
    public static Alert Executed(Proposals.TradeProposal proposal, Orders.OrderState fill, long positionId)
    {
        var partial = fill.FilledQuantity < proposal.Quantity
            ? $" (partial fill: {fill.FilledQuantity} of {proposal.Quantity}, {proposal.Quantity - fill.FilledQuantity} {fill.Reason ?? "cancelled"})"
            : "";
        return new($"executed:{proposal.RequestId}", "executed",
            string.Create(CultureInfo.InvariantCulture,
                $"Proposal {proposal.RequestId} executed — {proposal.Ticker} {proposal.StrategyType.ToCode()} × {fill.FilledQuantity}{partial} at a credit of {-fill.NetPrice!.Value:0.00##} — position {positionId}"),
            positionId, proposal.RequestId);
    }

    /// <summary>The request id is per day, ticker and strategy, so a screener re-run the same day does not alert twice.</summary>
    public static Alert RiskDenied(string requestId, string denial) => new(
        $"risk-denied:{requestId}", "risk_denied", $"Risk gate refused {requestId}: {denial}", null, requestId);

    /// <summary>One alert per job per New York hour, so a job failing every minute pages once an hour.</summary>
    public static Alert JobFailed(string job, string error, DateTimeOffset at) => new(
        string.Create(CultureInfo.InvariantCulture, $"job-failed:{job}:{Calendar.MarketTime.InNewYork(at):yyyy-MM-ddTHH}"),
        "job_failed", $"Job {job} failed: {error}", null, null);

    /// <summary>The circuit breaker tripped (<paramref name="tripped"/> is its state after the trip).</summary>
    public static Alert BreakerTripped(Risk.CircuitBreaker tripped, DateTimeOffset at) => new(
        string.Create(CultureInfo.InvariantCulture, $"breaker:{at:O}"), "breaker_tripped",
        $"Circuit breaker tripped ({tripped.TripReason?.ToCode() ?? "unknown"}: {tripped.ConsecutiveLosses} losses, {tripped.ConsecutiveErrors} errors in a row); no new positions until it is reset.",
        null, null);

    public static Alert BreakerReset(string by, DateTimeOffset at) => new(
        string.Create(CultureInfo.InvariantCulture, $"breaker-reset:{at:O}"), "breaker_reset", $"Circuit breaker reset by {by}.", null, null);

    public static Alert TradingStateChanged(Risk.TradingState from, Risk.TradingState to, string by, string? reason, DateTimeOffset at) => new(
        string.Create(CultureInfo.InvariantCulture, $"trading-state:{at:O}"), "trading_state",
        $"Trading {from.ToCode()} → {to.ToCode()} by {by}{(reason is null ? "" : $": {reason}")}", null, null);

    /// <summary>Recovery could not finish an order or proposal: once per item and New York day, while a person looks.</summary>
    public static Alert RecoveryFailed(string id, string error, DateTimeOffset at) => new(
        string.Create(CultureInfo.InvariantCulture, $"recovery-failed:{id}:{Calendar.MarketTime.DateOf(at):yyyy-MM-dd}"), "recovery_failed",
        $"Recovery could not finish {id}: {error}. It is tried again every minute; check it at the broker.", null, null);

    public static Alert SettlementFailed(Position position, DateOnly date, string error) => new(
        $"expiration-failed:{position.PositionId}:{date:yyyy-MM-dd}", "expiration_failed",
        $"Position {position.PositionId} {position.Ticker} {position.StrategyType.ToCode()} expiring {date:yyyy-MM-dd} could not be settled ({error}); it stays OPEN.",
        position.PositionId, position.RequestId);

    /// <summary>The broker login was lost or refused: nothing can be sent or followed; once per New York day.</summary>
    public static Alert BrokerLoginFailed(string broker, string error, DateTimeOffset at) => new(
        string.Create(CultureInfo.InvariantCulture, $"broker-auth:{Calendar.MarketTime.DateOf(at):yyyy-MM-dd}"), "broker_auth",
        $"{broker} login failed, no orders can be sent or followed: {error}", null, null);

    /// <summary>Outbox kind of a new recommendation (and of one whose urgency rose); decisions use <c>adjustment_{status}</c>.</summary>
    public const string AdjustmentKind = "adjustment";

    /// <summary>A recommendation for approvers, once per id and urgency; the Telegram sender posts it as a card with buttons.</summary>
    public static Alert AdjustmentRecommended(Adjustments.Adjustment adjustment) => new(
        $"adjustment:{adjustment.Id}:{adjustment.Urgency.ToCode().ToLowerInvariant()}", AdjustmentKind,
        $"Adjustment {adjustment.Id}: {adjustment.Kind.ToCode()} position {adjustment.PositionId} {adjustment.Ticker} {adjustment.StrategyType.ToCode()} — {adjustment.Summary}",
        adjustment.PositionId, null, adjustment.Id);

    /// <summary>A recommendation was decided, executed, failed or expired.</summary>
    public static Alert AdjustmentDecided(Adjustments.Adjustment adjustment) => new(
        $"adjustment-decided:{adjustment.Id}:{adjustment.Status.ToCode().ToLowerInvariant()}", "adjustment_" + adjustment.Status.ToCode().ToLowerInvariant(),
        $"Adjustment {adjustment.Id} ({adjustment.Kind.ToCode()} position {adjustment.PositionId} {adjustment.Ticker}) {adjustment.Status.ToCode()}" +
        $"{(adjustment.DecidedBy is null ? "" : $" by {adjustment.DecidedBy}")}{(adjustment.Outcome is null ? "" : $": {adjustment.Outcome}")}",
        adjustment.PositionId, null, adjustment.Id);
}
