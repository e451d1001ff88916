using Dapper;
using Npgsql;
using OptionsAutomation.Core.Analytics;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// Closed trades for <see cref="StrategyComparison"/>: each trade_history row with its position's expiration and the
/// sizing strategy recorded on its proposal (trade_requests.sizing), closed between two New York dates.
/// </summary>
public sealed class PostgresComparedTrades(NpgsqlDataSource dataSource)
{
    static PostgresComparedTrades() => DapperConventions.Apply();

    public async Task<IReadOnlyList<ComparedTrade>> ReadAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        const string Sql = $"""
            SELECT t.*, p.expiration, r.sizing ->> 'strategy' AS sizing_strategy
            FROM (SELECT {TradeRow.Columns} FROM trade_history
                  WHERE (@From::date IS NULL OR (closed_at AT TIME ZONE 'America/New_York')::date >= @From::date)
                    AND (@To::date IS NULL OR (closed_at AT TIME ZONE 'America/New_York')::date <= @To::date)) t
            JOIN positions p ON p.position_id = t.position_id
            LEFT JOIN trade_requests r ON r.request_id = t.request_id
            ORDER BY t.closed_at, t.trade_id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<TradeRow, Grouping, ComparedTrade>(
            new CommandDefinition(Sql, new { From = from?.ToDateTime(TimeOnly.MinValue), To = to?.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken),
            // Dapper passes null for the second part when its first column (expiration: shares have none) is null.
            (trade, grouping) => new ComparedTrade(
                trade.ToDomain(), grouping?.Expiration is { } e ? DateOnly.FromDateTime(e) : null, grouping?.SizingStrategy),
            splitOn: "expiration").ConfigureAwait(false);
        return [.. rows];
    }

    private sealed class Grouping
    {
        public DateTime? Expiration { get; set; }

        public string? SizingStrategy { get; set; }
    }
}
