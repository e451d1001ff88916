using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;

namespace OptionsAutomation.Core.Trading.Journal;

/// <summary>
/// Something a use case decided happened to the book. Core produces these; <see cref="ITradingEntry.CommitAsync"/>
/// writes each one (its rows, its audit event, its alert) in the order given, in one transaction, and decides nothing.
/// </summary>
public abstract record TradingEvent;

/// <summary>
/// The order is recorded PENDING before it is sent, with its <paramref name="Intent"/> and (for a close) the exit
/// <paramref name="Reason"/>; a client order id recorded before writes nothing (a resumed approval).
/// </summary>
public sealed record OrderSubmitted(OrderTicket Ticket, OrderIntent Intent, string? RequestId, long? PositionId, string? Reason, string Actor) : TradingEvent;

/// <summary>The order moved to <paramref name="State"/> (a repeat of the stored state writes nothing); <paramref name="Error"/> overrides its reason.</summary>
public sealed record OrderMoved(OrderState State, string? RequestId, long? PositionId, string? Error, string Actor) : TradingEvent;

/// <summary>A step of a price walk the broker accepted: the order's stored limit follows it, and the step is audited.</summary>
public sealed record OrderRepriced(OrderReprice Reprice) : TradingEvent;

/// <summary>The broker call gave no answer: the order becomes UNKNOWN (unless already final) for recovery to ask again.</summary>
public sealed record OrderMarkedUnknown(string ClientOrderId, string? RequestId, long? PositionId, string Error, string Actor) : TradingEvent;

/// <summary>The broker's leg fills of <paramref name="Order"/>, kept on record (a fill id seen before is ignored).</summary>
public sealed record FillsReceived(OrderState Order, string? RequestId, long? PositionId) : TradingEvent;

/// <summary>
/// A position opened (its row created by <see cref="ITradingEntry.OpenPositionAsync"/>): audited; the exit rules'
/// <paramref name="Warnings"/> about its terms are logged.
/// </summary>
public sealed record PositionOpened(Position Position, IReadOnlyList<string> Warnings, string Actor) : TradingEvent;

/// <summary>A position closed, whole or in part (<see cref="ClosedPosition.IsPartial"/>), with the trade of what closed.</summary>
public sealed record PositionClosed(ClosedPosition Closed, string Actor) : TradingEvent;

/// <summary>
/// The roll order <paramref name="ClientOrderId"/> opened <paramref name="NewPositionId"/> from <paramref name="OldPositionId"/>'s
/// contracts: the new position names the old one, audited.
/// </summary>
public sealed record PositionRolled(long OldPositionId, long NewPositionId, string ClientOrderId, string Actor) : TradingEvent;

/// <summary>A round trip ended with <paramref name="Outcome"/>: the circuit breaker counts it.</summary>
public sealed record CloseCounted(TradeOutcome Outcome, DateTimeOffset At) : TradingEvent;

/// <summary>The breaker tripped at <paramref name="At"/> (<see cref="BreakerBooking"/> decides when): audited.</summary>
public sealed record BreakerTripped(CircuitBreaker Tripped, DateTimeOffset At) : TradingEvent;

/// <summary>A person reset the tripped breaker: <paramref name="After"/> is stored and audited with what it was.</summary>
public sealed record BreakerReset(CircuitBreaker Before, CircuitBreaker After, string By) : TradingEvent;

/// <summary>The trading state moved from <paramref name="From"/> to <paramref name="To"/>: stored with who and why, audited.</summary>
public sealed record TradingStateChanged(TradingState From, TradingState To, string? Reason, string By) : TradingEvent;

/// <summary>An order's outcome for the circuit breaker (<see cref="OrderLifecycle.FeedFor"/>); <c>None</c> writes nothing.</summary>
public sealed record BreakerFed(BreakerFeed Feed) : TradingEvent;

/// <summary>An expiration recorded as a SETTLE order (PENDING here; an <see cref="OrderMoved"/> fills it).</summary>
public sealed record SettlementRecorded(OrderState Settlement, long PositionId, string? RequestId, string Actor) : TradingEvent;

/// <summary>The screener proposed a trade (its row created by <see cref="ITradingEntry.CreateProposalAsync"/>): audited.</summary>
public sealed record ProposalCreated(TradeProposal Proposal, string Actor) : TradingEvent;

/// <summary>The risk gate refused a trade before it became a proposal: audited against its request id.</summary>
public sealed record RiskDenied(string RequestId, string Denial, string Actor) : TradingEvent;

/// <summary>
/// A person or the system decided the proposal (approved, rejected, expired, failed by the gate) or it started
/// executing: it moves from <paramref name="From"/> to <paramref name="Moved"/> (its status, decision and reason),
/// audited <c>proposal.&lt;status&gt;</c>.
/// </summary>
public sealed record ProposalDecided(TradeProposal Moved, ProposalStatus From, string By, string? Reason) : TradingEvent;

/// <summary>The opening order's <paramref name="Fill"/> booked as <paramref name="PositionId"/>: the EXECUTING proposal becomes EXECUTED.</summary>
public sealed record ProposalExecuted(TradeProposal Proposal, OrderState Fill, long PositionId, string Actor) : TradingEvent;

/// <summary>The opening order booked nothing: the EXECUTING proposal becomes <paramref name="Failed"/> (FAILED, with its reason).</summary>
public sealed record ProposalFailed(TradeProposal Failed, string Actor) : TradingEvent;

/// <summary>
/// A broker reconciliation ran and found <paramref name="Report"/>; <paramref name="NewDifference"/> when its differences are
/// not the ones the run before found (audited as a mismatch; the alert and the state change are events of their own).
/// </summary>
public sealed record ReconciliationRecorded(Reconciliation.ReconciliationReport Report, bool NewDifference) : TradingEvent;

/// <summary>A message for people, queued in the outbox.</summary>
public sealed record AlertRaised(Alert Alert) : TradingEvent;
