using System.Text;
using Dapper;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Analytics;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>Positions and trade history as stored in Postgres (written through <see cref="PostgresTradingJournal"/>).</summary>
public sealed class PostgresPositionStore(NpgsqlDataSource dataSource) : IPositionStore
{
    static PostgresPositionStore() => DapperConventions.Apply();

    public async Task<Position?> FindAsync(long positionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<PositionRow>(new CommandDefinition(
            $"SELECT {PositionRow.Columns} FROM positions WHERE position_id = @positionId",
            new { positionId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToDomain();
    }

    public async Task<Position?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
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
        await using var command = dataSource.CreateCommand(sql.ToString());
        if (ticker is not null)
        {
            command.Parameters.AddWithValue("ticker", ticker);
        }

        return await PositionReader.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
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
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<TradeRow>(new CommandDefinition(
            sql.ToString(),
            new { From = from?.ToDateTime(TimeOnly.MinValue), To = to?.ToDateTime(TimeOnly.MinValue) },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToDomain())];
    }

    public async Task<IReadOnlyList<TradeRecord>> TradesAfterAsync(long afterTradeId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<TradeRow>(new CommandDefinition(
            $"SELECT {TradeRow.Columns} FROM trade_history WHERE trade_id > @AfterTradeId ORDER BY trade_id",
            new { AfterTradeId = afterTradeId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToDomain())];
    }

    public async Task<IReadOnlyList<DailyPnl>> DailyPnlAsync(DateOnly? date, CancellationToken cancellationToken)
    {
        var sql = "SELECT trade_date, ticker, trades_count, wins, losses, win_rate, total_pnl, avg_pnl FROM v_daily_pnl"
            + (date is null ? "" : " WHERE trade_date = @Date")
            + " ORDER BY trade_date DESC, ticker";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<DailyPnlRow>(new CommandDefinition(
            sql, new { Date = date?.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToDomain())];
    }

    public async Task<PerformanceMetrics> PerformanceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleAsync<PerformanceRow>(new CommandDefinition(
            "SELECT total_trades, total_wins, total_losses, win_rate, total_pnl, avg_pnl_per_trade, max_loss, max_win, pnl_stddev FROM v_performance_metrics",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row.ToDomain();
    }
}
