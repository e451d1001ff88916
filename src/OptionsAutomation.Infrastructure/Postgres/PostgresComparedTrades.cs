using Dapper;
using Npgsql;
using OptionsAutomation.Core.Analytics;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// Closed trades for <see cref="StrategyComparison"/>: each trade_history row with its position's expiration and the
/// sizing strategy recorded on its proposal (trade_requests.sizing) and its journal sentiment (see
/// <see cref="ComparedTrade"/>), closed between two New York dates.
/// </summary>
public sealed class PostgresComparedTrades(NpgsqlDataSource dataSource)
{
    static PostgresComparedTrades() => DapperConventions.Apply();

    public async Task<IReadOnlyList<ComparedTrade>> ReadAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        const string Sql = $"""
            SELECT t.*, true AS grouped, p.expiration, r.sizing ->> 'strategy' AS sizing_strategy, mood.sentiment
            FROM (SELECT {TradeRow.Columns} FROM trade_history
                  WHERE (@From::date IS NULL OR (closed_at AT TIME ZONE 'America/New_York')::date >= @From::date)
                    AND (@To::date IS NULL OR (closed_at AT TIME ZONE 'America/New_York')::date <= @To::date)) t
            JOIN positions p ON p.position_id = t.position_id
            LEFT JOIN trade_requests r ON r.request_id = t.request_id
            LEFT JOIN LATERAL (
                SELECT v.sentiment
                FROM journal_entries j
                JOIN LATERAL (SELECT sentiment FROM journal_entry_versions WHERE entry_id = j.entry_id ORDER BY version DESC LIMIT 1) v ON true
                WHERE (j.position_id = t.position_id OR j.request_id = t.request_id) AND j.phase IN ('entry', 'during') AND v.sentiment IS NOT NULL
                ORDER BY j.entry_id DESC LIMIT 1) mood ON true
            ORDER BY t.closed_at, t.trade_id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<TradeRow, Grouping, ComparedTrade>(
            new CommandDefinition(Sql, new { From = from?.ToDateTime(TimeOnly.MinValue), To = to?.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken),
            (trade, grouping) => new ComparedTrade(
                trade.ToDomain(), grouping.Expiration is { } e ? DateOnly.FromDateTime(e) : null, grouping.SizingStrategy, grouping.Sentiment),
            // Split on a column that is never null: Dapper passes null for a part whose first column is (shares have no expiration).
            splitOn: "grouped").ConfigureAwait(false);
        return [.. rows];
    }

    private sealed class Grouping
    {
        public bool Grouped { get; set; }

        public DateTime? Expiration { get; set; }

        public string? SizingStrategy { get; set; }

        public string? Sentiment { get; set; }
    }
}
