using Dapper;
using Npgsql;
using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>Reads <c>orders</c>.</summary>
public sealed class PostgresOrderRecords(NpgsqlDataSource dataSource) : IOrderRecords
{
    static PostgresOrderRecords() => DapperConventions.Apply();

    public async Task<IReadOnlyList<WorkingOrder>> ListWorkingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<OrderRecordRow>(new CommandDefinition(
            $"SELECT {OrderRecordRow.Columns} FROM orders WHERE status IN ({OrderRecordRow.WorkingStatuses}) ORDER BY created_at, order_id",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToWorking())];
    }
}
