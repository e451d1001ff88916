using Npgsql;
using NpgsqlTypes;
using OptionsAutomation.Core;
using OptionsAutomation.Core.Trading;
using OptionsAutomation.Infrastructure.Outbox;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>
/// A batch of marks in one statement (so one transaction): the marks as arrays (<c>unnest</c>), each landing only on an OPEN position of the
/// quantity it was computed for; the quality changes (the job's marks) or every mark (a person's) audited and the alerts
/// queued (deduplicated) from the rows that landed. The quality a mark replaced comes back through
/// <c>previous_mark_status</c>, set from the row the UPDATE locked, so a concurrent mark of the same position is seen. Npgsql sends the arrays in its binary format, so a batch costs one round trip whatever its size.
/// </summary>
internal static class MarkBatchWriter
{
    private const string Sql =
        """
        WITH batch AS (
            SELECT * FROM unnest(@ids, @quantities, @statuses, @problems, @prices, @marked_at, @pnls, @maes, @mfes, @breaches,
                                 @deltas, @gammas, @thetas, @vegas)
              AS b(position_id, quantity, status, problem, mark_price, marked_at, unrealized_pnl, mae, mfe, stop_breaches,
                   delta, gamma, theta, vega)
        ),
        marked AS (
            UPDATE positions p
            SET previous_mark_status = p.mark_status,
                mark_status = b.status, mark_problem = b.problem, mark_price = b.mark_price, marked_at = b.marked_at,
                unrealized_pnl = b.unrealized_pnl, mae = b.mae, mfe = b.mfe, stop_breaches = b.stop_breaches,
                delta = b.delta, gamma = b.gamma, theta = b.theta, vega = b.vega, last_updated = @now
            FROM batch b
            WHERE p.position_id = b.position_id AND p.status = 'OPEN' AND p.quantity = b.quantity
            RETURNING p.position_id, p.request_id, coalesce(p.previous_mark_status, '') AS previous_status, b.status, b.problem,
                      b.mark_price, b.marked_at, b.unrealized_pnl
        ),
        audited AS (
            INSERT INTO audit_events (occurred_at, actor, event_type, entity_type, entity_id, request_id, position_id, data)
            SELECT @now, coalesce(@person, 'mark-job'),
                   CASE WHEN @person IS NULL THEN 'position.mark_' || lower(status) ELSE 'position.marked_manually' END,
                   'position', position_id::text, request_id, position_id,
                   jsonb_build_object('quality', status, 'problem', problem, 'mark_price', mark_price, 'marked_at', marked_at,
                                      'unrealized_pnl', unrealized_pnl)
            FROM marked m WHERE @person IS NOT NULL OR previous_status <> status
            ORDER BY m.position_id
        )
        INSERT INTO outbox (dedup_key, channel, payload, created_at, available_at)
        SELECT DISTINCT ON (a.dedup_key) a.dedup_key, @channel, a.payload::jsonb, @now, @now
        FROM unnest(@alert_positions, @alert_keys, @alert_payloads) AS a(position_id, dedup_key, payload)
        JOIN marked m ON m.position_id = a.position_id
        ORDER BY a.dedup_key
        ON CONFLICT (dedup_key) DO NOTHING
        """;

    /// <param name="person">Who set the marks by hand (each audited under that name); null for the mark job's.</param>
    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<MarkRecord> marks, string? person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var n = marks.Count;
        var ids = new long[n];
        var quantities = new int[n];
        var statuses = new string[n];
        var problems = new string?[n];
        var prices = new decimal?[n];
        var markedAt = new DateTime?[n];
        var pnls = new decimal?[n];
        var maes = new decimal?[n];
        var mfes = new decimal?[n];
        var breaches = new int[n];
        var deltas = new decimal?[n];
        var gammas = new decimal?[n];
        var thetas = new decimal?[n];
        var vegas = new decimal?[n];
        var alerts = new List<Alert>();
        for (var i = 0; i < n; i++)
        {
            var u = marks[i].Update;
            ids[i] = u.PositionId;
            quantities[i] = u.Quantity;
            statuses[i] = u.Quality.ToCode();
            problems[i] = u.Problem;
            prices[i] = u.MarkPrice;
            markedAt[i] = u.MarkedAt?.UtcDateTime;
            pnls[i] = u.UnrealizedPnl;
            maes[i] = u.Mae;
            mfes[i] = u.Mfe;
            breaches[i] = u.StopBreaches;
            deltas[i] = u.Greeks?.Delta;
            gammas[i] = u.Greeks?.Gamma;
            thetas[i] = u.Greeks?.Theta;
            vegas[i] = u.Greeks?.Vega;
            if (marks[i].Alert is { } alert)
            {
                alerts.Add(alert);
            }
        }

        await using var command = new NpgsqlCommand(Sql, connection);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<long[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = ids });
        p.Add(new NpgsqlParameter<int[]>("quantities", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = quantities });
        p.Add(new NpgsqlParameter<string[]>("statuses", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = statuses });
        p.Add(new NpgsqlParameter<string?[]>("problems", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = problems });
        AddNumeric(p, "prices", prices);
        p.Add(new NpgsqlParameter<DateTime?[]>("marked_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = markedAt });
        AddNumeric(p, "pnls", pnls);
        AddNumeric(p, "maes", maes);
        AddNumeric(p, "mfes", mfes);
        p.Add(new NpgsqlParameter<int[]>("breaches", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = breaches });
        AddNumeric(p, "deltas", deltas);
        AddNumeric(p, "gammas", gammas);
        AddNumeric(p, "thetas", thetas);
        AddNumeric(p, "vegas", vegas);
        p.Add(new NpgsqlParameter<DateTime>("now", NpgsqlDbType.TimestampTz) { TypedValue = now.UtcDateTime });
        p.Add(new NpgsqlParameter<string>("channel", NpgsqlDbType.Text) { TypedValue = OutboxWriter.AlertChannel });
        p.Add(new NpgsqlParameter("person", NpgsqlDbType.Text) { Value = (object?)person ?? DBNull.Value });
        p.Add(new NpgsqlParameter<long?[]>("alert_positions", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. alerts.Select(a => a.PositionId)] });
        p.Add(new NpgsqlParameter<string[]>("alert_keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. alerts.Select(a => a.DedupKey)] });
        p.Add(new NpgsqlParameter<string[]>("alert_payloads", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. alerts.Select(OutboxWriter.Payload)] });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddNumeric(NpgsqlParameterCollection parameters, string name, decimal?[] values) =>
        parameters.Add(new NpgsqlParameter<decimal?[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Numeric) { TypedValue = values });
}
