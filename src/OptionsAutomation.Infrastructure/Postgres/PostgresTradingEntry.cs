using Microsoft.Extensions.Logging;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Exits;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Risk;
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
    public Task<Position> LockPositionAsync(long positionId, bool byClosingOrder, CancellationToken cancellationToken) =>
        PositionCloseWriter.LockAsync(transaction, positionId, byClosingOrder, cancellationToken);

    public Task<long> OpenSharesAsync(AssignedShares shares, string actor, DateTimeOffset now, CancellationToken cancellationToken) =>
        SettlementWriter.OpenSharesAsync(transaction, shares, actor, now, cancellationToken);

    public async Task CommitAsync(IReadOnlyList<TradingEvent> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var change in events)
        {
            await WriteAsync(change, now, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var closed in events.OfType<PositionClosed>().Select(e => e.Closed))
        {
            LogClosed(closed.Position.PositionId, closed.Position.RequestId, closed.IsPartial ? "reduced" : "closed", closed.Trade.ExitReason.ToCode(),
                closed.Trade.Quantity, closed.Trade.ExitPrice, closed.Trade.PnlRealized);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private Task WriteAsync(TradingEvent change, DateTimeOffset now, CancellationToken cancellationToken) => change switch
    {
        OrderMoved e => OrderWriter.MoveAsync(transaction, e.State, e.Actor, e.RequestId, e.PositionId, e.Error, now, cancellationToken),
        OrderMarkedUnknown e => OrderWriter.MarkUnknownAsync(transaction, e.ClientOrderId, e.Actor, e.RequestId, e.PositionId, e.Error, now, cancellationToken),
        FillsReceived e => FillWriter.InsertAsync(transaction, e.Order, e.RequestId, e.PositionId, cancellationToken),
        PositionClosed e => PositionCloseWriter.WriteAsync(transaction, e.Closed, e.Actor, cancellationToken),
        CloseCounted e => BreakerWriter.RecordCloseAsync(transaction, e.Outcome, e.At, risk),
        BreakerFed e => BreakerWriter.FeedAsync(transaction, e.Feed, now, risk),
        SettlementRecorded e => SettlementWriter.RecordOrderAsync(transaction, e.Settlement, e.PositionId, e.RequestId, e.Actor, now, cancellationToken),
        ProposalExecuted e => ProposalOutcomeWriter.ExecutedAsync(transaction, e.Proposal, e.Fill, e.PositionId, e.Actor, now, cancellationToken),
        ProposalFailed e => ProposalOutcomeWriter.FailedAsync(transaction, e.Failed, e.Actor, now, cancellationToken),
        AlertRaised e => OutboxWriter.EnqueueAsync(transaction, e.Alert, now),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "no writer for this trading event"),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Position {position_id} (request {request_id}) {change}: {exit_reason}, {quantity} at {exit_price}, realized {pnl_realized}")]
    private partial void LogClosed(long position_id, string request_id, string change, string exit_reason, int quantity, decimal exit_price, decimal pnl_realized);
}
