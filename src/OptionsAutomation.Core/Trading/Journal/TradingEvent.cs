using OptionsAutomation.Core.Orders;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;

namespace OptionsAutomation.Core.Trading.Journal;

/// <summary>
/// Something a use case decided happened to the book. Core produces these; <see cref="ITradingEntry.CommitAsync"/>
/// writes each one (its rows, its audit event, its alert) in the order given, in one transaction, and decides nothing.
/// </summary>
public abstract record TradingEvent;

/// <summary>The order moved to <paramref name="State"/> (a repeat of the stored state writes nothing); <paramref name="Error"/> overrides its reason.</summary>
public sealed record OrderMoved(OrderState State, string? RequestId, long? PositionId, string? Error, string Actor) : TradingEvent;

/// <summary>The broker call gave no answer: the order becomes UNKNOWN (unless already final) for recovery to ask again.</summary>
public sealed record OrderMarkedUnknown(string ClientOrderId, string? RequestId, long? PositionId, string Error, string Actor) : TradingEvent;

/// <summary>The broker's leg fills of <paramref name="Order"/>, kept on record (a fill id seen before is ignored).</summary>
public sealed record FillsReceived(OrderState Order, string? RequestId, long? PositionId) : TradingEvent;

/// <summary>A position closed, whole or in part (<see cref="ClosedPosition.IsPartial"/>), with the trade of what closed.</summary>
public sealed record PositionClosed(ClosedPosition Closed, string Actor) : TradingEvent;

/// <summary>A round trip ended with <paramref name="Outcome"/>: the circuit breaker counts it.</summary>
public sealed record CloseCounted(TradeOutcome Outcome, DateTimeOffset At) : TradingEvent;

/// <summary>An order's outcome for the circuit breaker (<see cref="OrderLifecycle.FeedFor"/>); <c>None</c> writes nothing.</summary>
public sealed record BreakerFed(BreakerFeed Feed) : TradingEvent;

/// <summary>An expiration recorded as a SETTLE order (PENDING here; an <see cref="OrderMoved"/> fills it).</summary>
public sealed record SettlementRecorded(OrderState Settlement, long PositionId, string? RequestId, string Actor) : TradingEvent;

/// <summary>The opening order's <paramref name="Fill"/> booked as <paramref name="PositionId"/>: the EXECUTING proposal becomes EXECUTED.</summary>
public sealed record ProposalExecuted(TradeProposal Proposal, OrderState Fill, long PositionId, string Actor) : TradingEvent;

/// <summary>The opening order booked nothing: the EXECUTING proposal becomes <paramref name="Failed"/> (FAILED, with its reason).</summary>
public sealed record ProposalFailed(TradeProposal Failed, string Actor) : TradingEvent;

/// <summary>A message for people, queued in the outbox.</summary>
public sealed record AlertRaised(Alert Alert) : TradingEvent;
