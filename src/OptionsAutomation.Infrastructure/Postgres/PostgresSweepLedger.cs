using Dapper;
using Npgsql;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// Exit sweeps and their claims in Postgres (migration 0023). A claim is one autocommitted statement: it locks the next
/// unclaimed open positions with FOR UPDATE SKIP LOCKED (a worker never waits on another's claim), records them in
/// <c>exit_sweep_claims</c> (one row per position, whose primary key makes a claim once per sweep, even where two
/// statements raced past the same rows; a straggler of an ended sweep that claims after the next opened keeps those
/// positions out of it: they are swept at the next tick) and returns the positions it claimed.
/// </summary>
public sealed class PostgresSweepLedger(NpgsqlDataSource dataSource, TimeProvider clock) : ISweepLedger
{
    static PostgresSweepLedger() => DapperConventions.Apply();

    private static readonly string ClaimSql =
        $"""
        WITH claimed AS (
            INSERT INTO exit_sweep_claims (sweep_id, position_id)
            SELECT @SweepId, p.position_id FROM positions p
            WHERE p.status = 'OPEN' AND p.strategy_type <> 'STOCK' AND p.entry_date <= @AsOf AND p.position_id > @After
              -- Any claim row is this sweep's (opening a sweep deletes the others'). No test of its sweep id here: the
              -- statistics never know a new id, and a one-row estimate made the planner scan the sweep's claims per position.
              -- OFFSET 0 keeps this a probe of the claims' key per position: pulled up into a join, it was a merge anti-join
              -- reading every claim from the lowest id on each batch (O(claims) per batch, quadratic over a sweep).
              AND NOT EXISTS (SELECT 1 FROM exit_sweep_claims c WHERE c.position_id = p.position_id OFFSET 0)
              -- A later tick's sweep ended this one (and took its claims): a straggler claims nothing more of it.
              AND EXISTS (SELECT 1 FROM exit_sweeps s WHERE s.sweep_id = @SweepId AND s.finished_at IS NULL)
            ORDER BY p.position_id
            LIMIT @Count
            FOR UPDATE OF p SKIP LOCKED
            ON CONFLICT DO NOTHING
            RETURNING position_id)
        SELECT {PositionRow.Columns} FROM positions JOIN claimed USING (position_id) ORDER BY position_id
        """;

    public async Task<OpenSweep> OpenAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // A sweep left open by a worker that died is over: its unclaimed positions are swept by this one. Past claims go.
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            UPDATE exit_sweeps SET finished_at = @now WHERE finished_at IS NULL;
            DELETE FROM exit_sweep_claims;
            INSERT INTO exit_sweeps (as_of, opened_at) VALUES (@asOf, @now) RETURNING sweep_id;
            """,
            new { now, asOf = asOf.UtcDateTime }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new OpenSweep(id, asOf);
    }

    public async Task<IReadOnlyList<Position>> ClaimAsync(OpenSweep sweep, long afterPositionId, int count, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.AddWithValue("SweepId", sweep.SweepId);
        command.Parameters.AddWithValue("AsOf", sweep.AsOf.UtcDateTime);
        command.Parameters.AddWithValue("After", afterPositionId);
        command.Parameters.AddWithValue("Count", count);
        return await PositionReader.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<OpenSweep>> ListOpenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(long SweepId, DateTime AsOf)>(new CommandDefinition(
            "SELECT sweep_id, as_of FROM exit_sweeps WHERE finished_at IS NULL ORDER BY sweep_id", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new OpenSweep(r.SweepId, new DateTimeOffset(DateTime.SpecifyKind(r.AsOf, DateTimeKind.Utc))))];
    }

    public async Task FinishAsync(OpenSweep sweep, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE exit_sweeps SET finished_at = @now WHERE sweep_id = @SweepId AND finished_at IS NULL",
            new { now = clock.GetUtcNow().UtcDateTime, sweep.SweepId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
