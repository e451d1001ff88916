using Microsoft.Extensions.Logging;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Proposals;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Journal;
using OptionsAutomation.Infrastructure.Outbox;
using OptionsAutomation.Infrastructure.Risk;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// One transaction of <see cref="PostgresTradingJournal"/>: turns each event it is given into its rows, audit events and
/// outbox alerts, in order, and decides nothing itself. Disposed without a commit, it rolls back.
/// </summary>
internal sealed partial class PostgresTradingEntry(NpgsqlConnection connection, NpgsqlTransaction transaction, RiskSettings risk, ILogger logger) : ITradingEntry
{
    private readonly List<ClosedPosition> _closed = [];

    public IReadOnlyList<ClosedPosition> Closed => _closed;

    public Task<Position> LockPositionAsync(long positionId, bool byClosingOrder, CancellationToken cancellationToken) =>
        PositionCloseWriter.LockAsync(transaction, positionId, byClosingOrder, cancellationToken);

    public Task<(TradeProposal Proposal, bool Created)> CreateProposalAsync(TradeProposal proposal, CancellationToken cancellationToken) =>
        ProposalWriter.InsertAsync(transaction, proposal, cancellationToken);

    public async Task<TradeProposal?> LockProposalAsync(string requestId, CancellationToken cancellationToken) =>
        (await ProposalWriter.LockAsync(transaction, requestId, cancellationToken).ConfigureAwait(false))?.ToDomain();

    public async Task<IReadOnlyList<TradeProposal>> LockDueProposalsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        [.. (await ProposalWriter.LockDueAsync(transaction, now, cancellationToken).ConfigureAwait(false)).Select(r => r.ToDomain())];

    public Task<TradingControls> LockControlsAsync(CancellationToken cancellationToken) => TradingControlsWriter.LockAsync(transaction);

    public async Task<StoredPosition> OpenPositionAsync(NewPosition position, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await PositionOpenWriter.InsertAsync(transaction, position, now, cancellationToken).ConfigureAwait(false);
        if (!stored.Created)
        {
            LogAlreadyRecorded(stored.Position.PositionId, stored.Position.RequestId);
        }

        return stored;
    }

    public Task<long> OpenSharesAsync(AssignedShares shares, string actor, DateTimeOffset now, CancellationToken cancellationToken) =>
        SettlementWriter.OpenSharesAsync(transaction, shares, actor, now, cancellationToken);

    public async Task CommitAsync(IReadOnlyList<TradingEvent> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var change in events)
        {
            await WriteAsync(change, now, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var change in events)
        {
            Log(change);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task WriteAsync(TradingEvent change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (change)
        {
            case OrderSubmitted e:
                await OrderWriter.RecordAsync(transaction, e.Ticket.ClientOrderId, e.Intent, e.Ticket.Legs, e.Ticket.Quantity, e.Ticket.LimitPrice,
                    e.RequestId, e.PositionId, e.Reason, e.Actor, now, cancellationToken).ConfigureAwait(false);
                break;
            case OrderMoved e:
                await OrderWriter.MoveAsync(transaction, e.State, e.Actor, e.RequestId, e.PositionId, e.Error, now, cancellationToken).ConfigureAwait(false);
                break;
            case OrderRepriced e:
                await OrderWriter.RepriceAsync(transaction, e.Reprice, cancellationToken).ConfigureAwait(false);
                break;
            case OrderMarkedUnknown e:
                await OrderWriter.MarkUnknownAsync(transaction, e.ClientOrderId, e.Actor, e.RequestId, e.PositionId, e.Error, now, cancellationToken).ConfigureAwait(false);
                break;
            case FillsReceived e:
                await FillWriter.InsertAsync(transaction, e.Order, e.RequestId, e.PositionId, cancellationToken).ConfigureAwait(false);
                break;
            case PositionOpened e:
                await PositionOpenWriter.AuditAsync(transaction, e.Position, e.Actor, now).ConfigureAwait(false);
                break;
            case PositionRolled e:
                await PositionOpenWriter.RolledAsync(transaction, e, now, cancellationToken).ConfigureAwait(false);
                break;
            case PositionClosed e:
                _closed.Add(await PositionCloseWriter.WriteAsync(transaction, e.Closed, e.Actor, cancellationToken).ConfigureAwait(false));
                break;
            case CloseCounted e:
                await WriteAllAsync(await TradingControlsWriter.FeedAsync(transaction, b => BreakerBooking.Counted(b, e.Outcome, e.At, risk)).ConfigureAwait(false), now, cancellationToken).ConfigureAwait(false);
                break;
            case BreakerFed e:
                await WriteAllAsync(await TradingControlsWriter.FeedAsync(transaction, b => BreakerBooking.Fed(b, e.Feed, now, risk)).ConfigureAwait(false), now, cancellationToken).ConfigureAwait(false);
                break;
            case BreakerTripped e:
                await TradingControlsWriter.TrippedAsync(transaction, e).ConfigureAwait(false);
                break;
            case BreakerReset e:
                await TradingControlsWriter.ResetAsync(transaction, e, now).ConfigureAwait(false);
                break;
            case TradingStateChanged e:
                await TradingControlsWriter.StateChangedAsync(transaction, e, now).ConfigureAwait(false);
                break;
            case SettlementRecorded e:
                await SettlementWriter.RecordOrderAsync(transaction, e.Settlement, e.PositionId, e.RequestId, e.Actor, now, cancellationToken).ConfigureAwait(false);
                break;
            case ProposalCreated e:
                await ProposalWriter.CreatedAsync(transaction, e.Proposal, e.Actor).ConfigureAwait(false);
                break;
            case RiskDenied e:
                await ProposalWriter.RiskDeniedAsync(transaction, e.RequestId, e.Denial, e.Actor, now).ConfigureAwait(false);
                break;
            case ProposalDecided e:
                await ProposalWriter.DecidedAsync(transaction, e.Moved, e.From, e.By, e.Reason, now, cancellationToken).ConfigureAwait(false);
                break;
            case ProposalExecuted e:
                await ProposalWriter.ExecutedAsync(transaction, e.Proposal, e.Fill, e.PositionId, e.Actor, now, cancellationToken).ConfigureAwait(false);
                break;
            case ProposalFailed e:
                await ProposalWriter.FailedAsync(transaction, e.Failed, e.Actor, now, cancellationToken).ConfigureAwait(false);
                break;
            case ReconciliationRecorded e:
                await ReconciliationWriter.WriteAsync(transaction, e.Report, e.NewDifference, cancellationToken).ConfigureAwait(false);
                break;
            case AlertRaised e:
                await OutboxWriter.EnqueueAsync(transaction, e.Alert, now).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, "no writer for this trading event");
        }
    }

    /// <summary>The events a breaker feed added (a trip and its alert), written right after it.</summary>
    private async Task WriteAllAsync(IReadOnlyList<TradingEvent> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var change in events)
        {
            await WriteAsync(change, now, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Log(TradingEvent change)
    {
        switch (change)
        {
            case OrderSubmitted e:
                LogOrderRecorded(e.Ticket.ClientOrderId, e.Intent.ToCode(), e.RequestId, e.PositionId, e.Reason);
                break;
            case PositionOpened e:
                LogOpened(e.Position.PositionId, e.Position.RequestId, e.Position.Ticker, e.Position.StrategyType.ToCode(), e.Position.Quantity, e.Position.EntryPrice);
                foreach (var warning in e.Warnings)
                {
                    LogTermsWarning(e.Position.PositionId, e.Position.RequestId, warning);
                }

                break;
            case PositionClosed { Closed: var closed }:
                LogClosed(closed.Position.PositionId, closed.Position.RequestId, closed.IsPartial ? "reduced" : "closed", closed.Trade.ExitReason.ToCode(),
                    closed.Trade.Quantity, closed.Trade.ExitPrice, closed.Trade.PnlRealized);
                break;
            case ProposalCreated { Proposal: var p }:
                LogProposed(p.RequestId, p.Ticker, p.StrategyType.ToCode(), p.Quantity, p.NetCredit);
                break;
            case ProposalDecided e:
                LogProposalDecided(e.Moved.RequestId, e.Moved.Status.ToCode(), e.By);
                break;
            case TradingStateChanged e:
                LogStateChanged(e.From.ToCode(), e.To.ToCode(), e.By, e.Reason);
                break;
            default:
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {client_order_id} ({intent}) recorded before it is sent: request {request_id}, position {position_id}, reason {reason}")]
    private partial void LogOrderRecorded(string client_order_id, string intent, string? request_id, long? position_id, string? reason);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Opened position {position_id} for request {request_id}: {ticker} {strategy_type} x{quantity} at credit {entry_price}")]
    private partial void LogOpened(long position_id, string request_id, string ticker, string strategy_type, int quantity, decimal entry_price);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {request_id} already recorded as position {position_id}; nothing written")]
    private partial void LogAlreadyRecorded(long position_id, string request_id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Position {position_id} (request {request_id}): {warning}")]
    private partial void LogTermsWarning(long position_id, string request_id, string warning);

    [LoggerMessage(Level = LogLevel.Information, Message = "Position {position_id} (request {request_id}) {change}: {exit_reason}, {quantity} at {exit_price}, realized {pnl_realized}")]
    private partial void LogClosed(long position_id, string request_id, string change, string exit_reason, int quantity, decimal exit_price, decimal pnl_realized);

    [LoggerMessage(Level = LogLevel.Information, Message = "Proposed {request_id}: {ticker} {strategy_type} x{quantity} at {net_credit}")]
    private partial void LogProposed(string request_id, string ticker, string strategy_type, int quantity, decimal net_credit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Proposal {request_id} is now {status} (by {by})")]
    private partial void LogProposalDecided(string request_id, string status, string by);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trading state {from} -> {to} by {by}: {reason}")]
    private partial void LogStateChanged(string from, string to, string by, string? reason);
}
