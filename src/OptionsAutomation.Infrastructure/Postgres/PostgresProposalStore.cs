using System.Text;
using Dapper;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Proposals;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>Proposals as stored in <c>trade_requests</c> (written through <see cref="PostgresTradingJournal"/>); the approval lock in the Execution part.</summary>
public sealed partial class PostgresProposalStore(NpgsqlDataSource dataSource) : IProposalStore
{
    static PostgresProposalStore() => DapperConventions.Apply();

    public async Task<TradeProposal?> FindAsync(string requestId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<ProposalRow>(new CommandDefinition(
            $"SELECT {ProposalRow.Columns} FROM trade_requests WHERE request_id = @requestId", new { requestId },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToDomain();
    }

    public async Task<IReadOnlyList<TradeProposal>> ListAsync(ProposalStatus? status, int limit, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"SELECT {ProposalRow.Columns} FROM trade_requests");
        if (status is not null)
        {
            sql.Append(" WHERE status = @Status");
        }

        sql.Append(" ORDER BY proposed_at DESC, request_id LIMIT @limit");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ProposalRow>(new CommandDefinition(
            sql.ToString(), new { Status = status?.ToCode(), limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToDomain())];
    }
}
