using System.Globalization;
using Dapper;
using Npgsql;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Core.Trading.Journal;
using OptionsAutomation.Infrastructure.Audit;
using OptionsAutomation.Infrastructure.Json;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>A new position inside the caller's transaction: its row (once per request id), then its audit event.</summary>
internal static class PositionOpenWriter
{
    /// <summary>Inserts the position's row unless its request id has one; that one is returned unchanged instead.</summary>
    public static async Task<StoredPosition> InsertAsync(NpgsqlTransaction transaction, NewPosition position, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var strategy = position.Strategy;
        var terms = position.Terms;
        // ON CONFLICT makes concurrent opens of one request id wait for the first and then insert nothing.
        var inserted = await connection.QuerySingleOrDefaultAsync<PositionRow>(new CommandDefinition(
            $"""
            INSERT INTO positions (request_id, ticker, strategy_type, status, entry_date, entry_price, quantity,
                stop_loss, profit_target, days_held, legs, notes, last_updated, expiration, short_strike, long_strike,
                multiplier, fees, max_loss, collateral, scales_position_id)
            VALUES (@RequestId, @Ticker, @StrategyType, 'OPEN', @EntryDate, @EntryPrice, @Quantity,
                @StopLoss, @ProfitTarget, 0, CAST(@Legs AS jsonb), @Notes, @Now, @Expiration, @ShortStrike, @LongStrike,
                @Multiplier, @Fees, @MaxLoss, @Collateral, @ScalesPositionId)
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
                Now = now.ToUniversalTime(),
                Expiration = strategy.Expiration.ToDateTime(TimeOnly.MinValue),
                strategy.ShortStrike,
                strategy.LongStrike,
                position.Multiplier,
                position.Fees,
                terms.MaxLoss,
                terms.Collateral,
                position.ScalesPositionId,
            },
            transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (inserted is not null)
        {
            return new StoredPosition(inserted.ToDomain(), Created: true);
        }

        var existing = await connection.QuerySingleOrDefaultAsync<PositionRow>(new CommandDefinition(
            $"SELECT {PositionRow.Columns} FROM positions WHERE request_id = @RequestId",
            new { position.RequestId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"request {position.RequestId} conflicted but its position is gone.");
        return new StoredPosition(existing.ToDomain(), Created: false);
    }

    /// <summary>A roll opened <paramref name="rolled"/>'s new position: it names the old one, audited <c>position.rolled</c>.</summary>
    public static async Task RolledAsync(NpgsqlTransaction transaction, PositionRolled rolled, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE positions SET rolled_from_position_id = @OldPositionId WHERE position_id = @NewPositionId",
            new { rolled.OldPositionId, rolled.NewPositionId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AuditLog.AppendAsync(transaction, new AuditEvent(now, rolled.Actor, "position.rolled", "position", rolled.NewPositionId.ToString(CultureInfo.InvariantCulture),
            rolled.ClientOrderId, rolled.NewPositionId, new { from_position_id = rolled.OldPositionId, client_order_id = rolled.ClientOrderId })).ConfigureAwait(false);
    }

    public static Task AuditAsync(NpgsqlTransaction transaction, Position opened, string actor, DateTimeOffset now) =>
        AuditLog.AppendAsync(transaction, new AuditEvent(now, actor, "position.opened", "position", opened.PositionId.ToString(CultureInfo.InvariantCulture),
            opened.RequestId, opened.PositionId, opened));
}
