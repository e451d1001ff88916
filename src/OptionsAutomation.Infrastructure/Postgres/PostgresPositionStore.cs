using System.Text;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Risk;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Audit;
using OptionsAutomation.Infrastructure.Json;
using OptionsAutomation.Infrastructure.Risk;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>Positions and trade history in Postgres (Npgsql + Dapper).</summary>
public sealed partial class PostgresPositionStore : IPositionStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;
    private readonly ILogger<PostgresPositionStore> _logger;
    private readonly RiskSettings _risk;

    static PostgresPositionStore() => DapperConventions.Apply();

    public PostgresPositionStore(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<PostgresPositionStore> logger, RiskSettings? risk = null)
    {
        _dataSource = dataSource;
        _clock = clock;
        _logger = logger;
        _risk = risk ?? new RiskSettings();
    }

    public async Task<StoredPosition> CreateAsync(NewPosition position, CancellationToken cancellationToken)
    {
        var strategy = position.Strategy;
        var terms = position.Terms;
        var now = _clock.GetUtcNow();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // ON CONFLICT makes concurrent creates for one request id wait for the first and then insert nothing.
        var inserted = await connection.QuerySingleOrDefaultAsync<PositionRow>(new CommandDefinition(
            $"""
            INSERT INTO positions (request_id, ticker, strategy_type, status, entry_date, entry_price, quantity,
                stop_loss, profit_target, days_held, legs, notes, last_updated, expiration, short_strike, long_strike,
                multiplier, fees, max_loss, collateral)
            VALUES (@RequestId, @Ticker, @StrategyType, 'OPEN', @EntryDate, @EntryPrice, @Quantity,
                @StopLoss, @ProfitTarget, 0, CAST(@Legs AS jsonb), @Notes, @Now, @Expiration, @ShortStrike, @LongStrike,
                @Multiplier, @Fees, @MaxLoss, @Collateral)
            ON CONFLICT (request_id) DO NOTHING
            RETURNING {PositionRow.Columns}
            """,
            new
            {
                position.RequestId,
                Ticker = strategy.Underlying,
                StrategyType = strategy.Type.ToCode(),
                position.EntryDate,
                EntryPrice = strategy.Credit,
                position.Quantity,
                terms.StopLoss,
                terms.ProfitTarget,
                Legs = DomainJson.Serialize(strategy.Legs),
                position.Notes,
                Now = now,
                Expiration = strategy.Expiration.ToDateTime(TimeOnly.MinValue),
                strategy.ShortStrike,
                strategy.LongStrike,
                position.Multiplier,
                position.Fees,
                terms.MaxLoss,
                terms.Collateral,
            },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);

        if (inserted is null)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            var existing = await FindByRequestIdAsync(position.RequestId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"request {position.RequestId} conflicted but its position is gone.");
            LogAlreadyRecorded(existing.PositionId, existing.RequestId);
            return new StoredPosition(existing, Created: false);
        }

        var created = inserted.ToDomain();
        await AuditLog.AppendAsync(transaction, new AuditEvent(
            now, position.Actor, "position.opened", "position", created.PositionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            created.RequestId, created.PositionId, created)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        LogOpened(created.PositionId, created.RequestId, created.Ticker, created.StrategyType.ToCode(), created.Quantity, created.EntryPrice);
        foreach (var warning in terms.Warnings)
        {
            LogTermsWarning(created.PositionId, created.RequestId, warning);
        }

        return new StoredPosition(created, Created: true);
    }

    public async Task<Position?> FindAsync(long positionId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<PositionRow>(new CommandDefinition(
            $"SELECT {PositionRow.Columns} FROM positions WHERE position_id = @positionId",
            new { positionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToDomain();
    }

    public async Task<Position?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<PositionRow>(new CommandDefinition(
            $"SELECT {PositionRow.Columns} FROM positions WHERE request_id = @requestId",
            new { requestId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToDomain();
    }

    public async Task<IReadOnlyList<Position>> ListAsync(PositionStatusFilter status, string? ticker, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"SELECT {PositionRow.Columns} FROM positions WHERE true");
        sql.Append(status switch
        {
            PositionStatusFilter.Open => " AND status = 'OPEN'",
            PositionStatusFilter.Closed => " AND status <> 'OPEN'",
            _ => "",
        });
        if (ticker is not null)
        {
            sql.Append(" AND ticker = @ticker");
        }

        sql.Append(" ORDER BY position_id");
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<PositionRow>(new CommandDefinition(
            sql.ToString(), new { ticker }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToDomain())];
    }

    public async Task<ClosedPosition> CloseAsync(long positionId, Func<Position, ClosedPosition> close, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var position = await PositionCloseWriter.LockAsync(transaction, positionId, byClosingOrder: false, cancellationToken).ConfigureAwait(false);
        var closed = await PositionCloseWriter.WriteAsync(transaction, close(position), actor, cancellationToken).ConfigureAwait(false);
        // A close recorded by hand is a round trip too: the circuit breaker counts it in the same transaction.
        await BreakerWriter.RecordCloseAsync(transaction, closed.Trade.WinLoss, closed.Trade.ClosedAt, _risk).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        LogClosed(closed.Position.PositionId, closed.Position.RequestId, closed.Trade.ExitReason.ToCode(), closed.Trade.ExitPrice, closed.Trade.PnlRealized, closed.Trade.WinLoss.ToCode());
        return closed;
    }

    public async Task<IReadOnlyList<TradeRecord>> HistoryAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        const string NewYorkDate = "(closed_at AT TIME ZONE 'America/New_York')::date";
        var sql = new StringBuilder($"SELECT {TradeRow.Columns} FROM trade_history WHERE true");
        if (from is not null)
        {
            sql.Append($" AND {NewYorkDate} >= @From");
        }

        if (to is not null)
        {
            sql.Append($" AND {NewYorkDate} <= @To");
        }

        sql.Append(" ORDER BY closed_at, trade_id");
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<TradeRow>(new CommandDefinition(
            sql.ToString(),
            new { From = from?.ToDateTime(TimeOnly.MinValue), To = to?.ToDateTime(TimeOnly.MinValue) },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToDomain())];
    }

    public async Task<IReadOnlyList<DailyPnl>> DailyPnlAsync(DateOnly? date, CancellationToken cancellationToken)
    {
        var sql = "SELECT trade_date, ticker, trades_count, wins, losses, win_rate, total_pnl, avg_pnl FROM v_daily_pnl"
            + (date is null ? "" : " WHERE trade_date = @Date")
            + " ORDER BY trade_date DESC, ticker";
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<DailyPnlRow>(new CommandDefinition(
            sql, new { Date = date?.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToDomain())];
    }

    public async Task<PerformanceMetrics> PerformanceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleAsync<PerformanceRow>(new CommandDefinition(
            "SELECT total_trades, total_wins, total_losses, win_rate, total_pnl, avg_pnl_per_trade, max_loss, max_win, pnl_stddev FROM v_performance_metrics",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row.ToDomain();
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Opened position {position_id} for request {request_id}: {ticker} {strategy_type} x{quantity} at credit {entry_price}")]
    private partial void LogOpened(long position_id, string request_id, string ticker, string strategy_type, int quantity, decimal entry_price);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {request_id} already recorded as position {position_id}; nothing written")]
    private partial void LogAlreadyRecorded(long position_id, string request_id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Position {position_id} (request {request_id}): {warning}")]
    private partial void LogTermsWarning(long position_id, string request_id, string warning);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Closed position {position_id} (request {request_id}): {exit_reason} at {exit_price}, realized {pnl_realized} ({win_loss})")]
    private partial void LogClosed(long position_id, string request_id, string exit_reason, decimal exit_price, decimal pnl_realized, string win_loss);
}
