using Dapper;
using Npgsql;
using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>Reads <see cref="RollLinks"/> from <c>positions.rolled_from_position_id</c>, both ways.</summary>
public sealed class PostgresRollLinks(NpgsqlDataSource dataSource)
{
    public async Task<RollLinks> OfAsync(long positionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<RollLinks>(new CommandDefinition(
            """
            SELECT p.rolled_from_position_id AS RolledFromPositionId,
                   (SELECT min(n.position_id) FROM positions n WHERE n.rolled_from_position_id = p.position_id) AS RolledToPositionId
            FROM positions p WHERE p.position_id = @positionId
            """,
            new { positionId }, cancellationToken: cancellationToken)).ConfigureAwait(false) ?? RollLinks.None;
    }
}
