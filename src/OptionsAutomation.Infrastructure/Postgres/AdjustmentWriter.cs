using Dapper;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Trading.Adjustments;
using OptionsAutomation.Infrastructure.Audit;
using OptionsAutomation.Infrastructure.Json;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// A recommendation's rows inside the caller's transaction: its creation, refreshes and moves, each with its audit event
/// (<c>adjustment.recommended</c>, <c>adjustment.updated</c>, <c>adjustment.&lt;status&gt;</c>, data naming the kind, which the
/// metrics count by). Each update names the status it moves from: had another process moved it meanwhile, no row matches,
/// QuerySingle throws and the whole transaction rolls back instead of overwriting what the other decided.
/// </summary>
internal static class AdjustmentWriter
{
    private const string EntityType = "adjustment";

    public static async Task<Adjustment> InsertAsync(NpgsqlTransaction transaction, Adjustment adjustment, CancellationToken cancellationToken)
    {
        var row = await transaction.Connection!.QuerySingleAsync<AdjustmentRow>(new CommandDefinition(
            $"""
            INSERT INTO adjustments (position_id, ticker, strategy_type, kind, status, risk_score, urgency, contracts, summary, numbers,
                roll_expiration, roll_short_strike, roll_long_strike, roll_min_net_credit, created_at, updated_at)
            VALUES (@PositionId, @Ticker, @StrategyType, @Kind, @Status, @RiskScore, @Urgency, @Contracts, @Summary, CAST(@Numbers AS jsonb),
                @RollExpiration, @RollShortStrike, @RollLongStrike, @RollMinNetCredit, @CreatedAt, @UpdatedAt)
            RETURNING {AdjustmentRow.Columns}
            """,
            Parameters(adjustment),
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row.ToDomain();
    }

    /// <summary>Every column of a recommendation as a parameter; Dapper sends only those a statement names.</summary>
    private static object Parameters(Adjustment adjustment) => new
    {
        adjustment.Id,
        adjustment.PositionId,
        adjustment.Ticker,
        StrategyType = adjustment.StrategyType.ToCode(),
        Kind = adjustment.Kind.ToCode(),
        Status = adjustment.Status.ToCode(),
        RiskScore = (short)adjustment.RiskScore,
        Urgency = adjustment.Urgency.ToCode(),
        adjustment.Contracts,
        adjustment.Summary,
        Numbers = DomainJson.Serialize(adjustment.Numbers),
        RollExpiration = adjustment.Roll?.Expiration.ToDateTime(TimeOnly.MinValue),
        RollShortStrike = adjustment.Roll?.ShortStrike,
        RollLongStrike = adjustment.Roll?.LongStrike,
        RollMinNetCredit = adjustment.Roll?.MinimumNetCredit,
        CreatedAt = adjustment.CreatedAt.ToUniversalTime(),
        UpdatedAt = adjustment.UpdatedAt.ToUniversalTime(),
    };

    public static Task RecordedAsync(NpgsqlTransaction transaction, Adjustment created, string actor) =>
        AppendAuditAsync(transaction, created, actor, "adjustment.recommended", created.CreatedAt, created);

    public static async Task RefreshedAsync(NpgsqlTransaction transaction, Adjustment refreshed, int fromScore, string actor, CancellationToken cancellationToken)
    {
        await transaction.Connection!.QuerySingleAsync<long>(new CommandDefinition(
            """
            UPDATE adjustments SET risk_score = @RiskScore, urgency = @Urgency, contracts = @Contracts, summary = @Summary, numbers = CAST(@Numbers AS jsonb),
                roll_expiration = @RollExpiration, roll_short_strike = @RollShortStrike, roll_long_strike = @RollLongStrike,
                roll_min_net_credit = @RollMinNetCredit, updated_at = @UpdatedAt
            WHERE id = @Id AND status = 'PENDING'
            RETURNING id
            """,
            Parameters(refreshed),
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AppendAuditAsync(transaction, refreshed, actor, "adjustment.updated", refreshed.UpdatedAt,
            new { from_score = fromScore, to_score = refreshed.RiskScore, urgency = refreshed.Urgency, refreshed.Roll }).ConfigureAwait(false);
    }

    public static async Task MovedAsync(NpgsqlTransaction transaction, Adjustment moved, AdjustmentStatus from, string by, CancellationToken cancellationToken)
    {
        await transaction.Connection!.QuerySingleAsync<long>(new CommandDefinition(
            """
            UPDATE adjustments SET status = @To, kind = @Kind, contracts = @Contracts, roll_expiration = @RollExpiration, roll_short_strike = @RollShortStrike,
                roll_long_strike = @RollLongStrike, roll_min_net_credit = @RollMinNetCredit, decided_at = @DecidedAt, decided_by = @DecidedBy,
                outcome = @Outcome, updated_at = @UpdatedAt
            WHERE id = @Id AND status = @From
            RETURNING id
            """,
            new
            {
                moved.Id, From = from.ToCode(), To = moved.Status.ToCode(), Kind = moved.Kind.ToCode(), moved.Contracts,
                RollExpiration = moved.Roll?.Expiration.ToDateTime(TimeOnly.MinValue), RollShortStrike = moved.Roll?.ShortStrike,
                RollLongStrike = moved.Roll?.LongStrike, RollMinNetCredit = moved.Roll?.MinimumNetCredit,
                DecidedAt = moved.DecidedAt?.ToUniversalTime(), moved.DecidedBy, moved.Outcome, UpdatedAt = moved.UpdatedAt.ToUniversalTime(),
            },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AppendAuditAsync(transaction, moved, by, "adjustment." + moved.Status.ToCode().ToLowerInvariant(), moved.UpdatedAt,
            new { from, to = moved.Status, moved.Outcome }).ConfigureAwait(false);
    }

    public static async Task<Adjustment?> LockAsync(NpgsqlTransaction transaction, long id, CancellationToken cancellationToken) =>
        (await transaction.Connection!.QuerySingleOrDefaultAsync<AdjustmentRow?>(new CommandDefinition(
            $"SELECT {AdjustmentRow.Columns} FROM adjustments WHERE id = @id FOR UPDATE", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))?.ToDomain();

    /// <summary>
    /// The position's PENDING row, locked. The position's row is locked first (FOR NO KEY UPDATE, which leaves its closing
    /// writers' FOR UPDATE waiting only as long as this transaction), so two sweeps of one position take turns even when it
    /// has no PENDING row yet — one creates it, the other then finds it.
    /// </summary>
    public static async Task<Adjustment?> LockPendingAsync(NpgsqlTransaction transaction, long positionId, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT 1 FROM positions WHERE position_id = @positionId FOR NO KEY UPDATE", new { positionId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return (await connection.QuerySingleOrDefaultAsync<AdjustmentRow?>(new CommandDefinition(
            $"SELECT {AdjustmentRow.Columns} FROM adjustments WHERE position_id = @positionId AND status = 'PENDING' FOR UPDATE",
            new { positionId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false))?.ToDomain();
    }

    /// <summary>Every PENDING row, locked in id order so two callers never deadlock.</summary>
    public static async Task<IReadOnlyList<Adjustment>> LockAllPendingAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        [.. (await transaction.Connection!.QueryAsync<AdjustmentRow>(new CommandDefinition(
            $"SELECT {AdjustmentRow.Columns} FROM adjustments WHERE status = 'PENDING' ORDER BY id FOR UPDATE",
            transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).Select(r => r.ToDomain())];

    private static Task AppendAuditAsync(NpgsqlTransaction transaction, Adjustment adjustment, string actor, string eventType, DateTimeOffset at, object details) =>
        AuditLog.AppendAsync(transaction, new AuditEvent(at, actor, eventType, EntityType, adjustment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            null, adjustment.PositionId, new { kind = adjustment.Kind, details }));
}
