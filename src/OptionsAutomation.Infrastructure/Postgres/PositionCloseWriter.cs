using Dapper;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Audit;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// The close of a position, whole or in part, inside a caller's transaction: lock the row (the domain then computes the
/// closed state), write the position, the trade_history row of what closed and the audit event. The caller commits, so
/// other writes (the fills, the order, the breaker, an alert) join the same transaction.
/// </summary>
internal static class PositionCloseWriter
{
    /// <param name="byClosingOrder">
    /// The close books a closing order's fills. Any other close (a settlement, one recorded by hand) is refused while a
    /// closing order for the position is at work: the broker may still be filling it, and those fills must close the
    /// contracts they traded, not contracts that are already gone.
    /// </param>
    /// <exception cref="PositionNotFoundException">when no such position exists.</exception>
    /// <exception cref="OrderInProgressException">when <paramref name="byClosingOrder"/> is false and a closing order is working.</exception>
    public static async Task<Position> LockAsync(NpgsqlTransaction transaction, long positionId, bool byClosingOrder, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        // The row lock makes a concurrent second close wait, then see the position already closed.
        var row = await connection.QuerySingleOrDefaultAsync<PositionRow>(new CommandDefinition(
            $"SELECT {PositionRow.Columns} FROM positions WHERE position_id = @positionId FOR UPDATE",
            new { positionId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)
            ?? throw new PositionNotFoundException(positionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!byClosingOrder && await OrderWriter.WorkingCloseAsync(transaction, positionId, cancellationToken).ConfigureAwait(false) is { } working)
        {
            throw OrderInProgressException.Closing(positionId, working);
        }

        return row.ToDomain();
    }

    /// <summary>Writes what the domain closed (of a position locked by <see cref="LockAsync"/>).</summary>
    /// <returns>The close with the trade's id.</returns>
    public static async Task<ClosedPosition> WriteAsync(NpgsqlTransaction transaction, ClosedPosition result, string actor, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var closed = result.Position;
        var trade = result.Trade;

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE positions
            SET status = @Status, exit_date = @ExitDate, exit_price = @ExitPrice, exit_reason = @ExitReason,
                unrealized_pnl = @UnrealizedPnl, realized_pnl = @RealizedPnl, pnl_percent = @PnlPercent,
                days_held = @DaysHeld, fees = @Fees, last_updated = @LastUpdated, quantity = @Quantity,
                closed_quantity = @ClosedQuantity, stop_loss = @StopLoss, profit_target = @ProfitTarget,
                max_loss = @MaxLoss, collateral = @Collateral
            WHERE position_id = @PositionId
            """,
            new
            {
                Status = closed.Status.ToCode(),
                closed.ExitDate,
                closed.ExitPrice,
                ExitReason = closed.ExitReason?.ToCode(),
                closed.UnrealizedPnl,
                closed.RealizedPnl,
                closed.PnlPercent,
                closed.DaysHeld,
                closed.Fees,
                closed.LastUpdated,
                closed.Quantity,
                closed.ClosedQuantity,
                closed.StopLoss,
                closed.ProfitTarget,
                closed.MaxLoss,
                closed.Collateral,
                closed.PositionId,
            },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

        var tradeId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO trade_history (request_id, position_id, ticker, strategy_type, entry_date, entry_price, quantity,
                exit_date, exit_price, pnl_realized, pnl_percent, win_loss, collateral_required, max_risk, target_return,
                status, executed_by, exit_reason, fees, created_at, closed_at, client_order_id)
            VALUES (@RequestId, @PositionId, @Ticker, @StrategyType, @EntryDate, @EntryPrice, @Quantity,
                @ExitDate, @ExitPrice, @PnlRealized, @PnlPercent, @WinLoss, @CollateralRequired, @MaxRisk, @TargetReturn,
                @Status, @ExecutedBy, @ExitReason, @Fees, @CreatedAt, @ClosedAt, @ClientOrderId)
            RETURNING trade_id
            """,
            new
            {
                trade.RequestId,
                trade.PositionId,
                trade.Ticker,
                StrategyType = trade.StrategyType.ToCode(),
                trade.EntryDate,
                trade.EntryPrice,
                trade.Quantity,
                trade.ExitDate,
                trade.ExitPrice,
                trade.PnlRealized,
                trade.PnlPercent,
                WinLoss = trade.WinLoss.ToCode(),
                trade.CollateralRequired,
                trade.MaxRisk,
                trade.TargetReturn,
                Status = trade.Status.ToCode(),
                ExecutedBy = trade.ExecutedBy.ToCode(),
                ExitReason = trade.ExitReason.ToCode(),
                trade.Fees,
                trade.CreatedAt,
                trade.ClosedAt,
                trade.ClientOrderId,
            },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

        var stored = result with { Trade = trade with { TradeId = tradeId } };
        await AuditLog.AppendAsync(transaction, new AuditEvent(
            closed.LastUpdated, actor, result.IsPartial ? "position.reduced" : "position.closed", "position", closed.PositionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            closed.RequestId, closed.PositionId, new { position = closed, trade = stored.Trade })).ConfigureAwait(false);
        return stored;
    }
}
