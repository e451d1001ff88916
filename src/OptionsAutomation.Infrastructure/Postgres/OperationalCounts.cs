using Dapper;
using Npgsql;

namespace OptionsAutomation.Infrastructure.Postgres;

/// <summary>A count of audit events of one kind (an order status, a risk denial code) since the database began.</summary>
public sealed record EventCount(string Key, long Count);

/// <summary>Adjustment recommendations of one kind (ROLL, CLOSE, REDUCE) that reached one outcome (recommended, approved, …).</summary>
public sealed record AdjustmentCount(string Kind, string Outcome, long Count);

/// <summary>
/// The figures the metrics endpoint exports, read in one round trip. Order and denial counts come from the
/// append-only audit trail, so they only grow, are the same for every worker of a cluster and survive restarts. Lot
/// changes count what the book keeps of them: a <c>scale_out</c> trade row per scale-out fill, a position linked to the
/// one it scales per scale-in fill.
/// </summary>
public sealed record OperationalCounts(
    long OpenPositions,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    long AlertBacklog,
    IReadOnlyList<EventCount> Orders,
    IReadOnlyList<EventCount> RiskDenials,
    IReadOnlyList<EventCount> LotChanges,
    IReadOnlyList<AdjustmentCount> Adjustments)
{
    public static OperationalCounts Empty { get; } = new(0, 0m, 0m, 0, [], [], [], []);
}

/// <summary>Reads <see cref="OperationalCounts"/>.</summary>
public sealed class OperationalCountsReader(NpgsqlDataSource dataSource)
{
    static OperationalCountsReader() => DapperConventions.Apply();

    public async Task<OperationalCounts> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var totals = await connection.QuerySingleAsync<Totals>(new CommandDefinition(
            """
            SELECT (SELECT count(*) FROM positions WHERE status = 'OPEN') AS open_positions,
                   (SELECT coalesce(sum(pnl_realized), 0) FROM trade_history) AS realized_pnl,
                   (SELECT coalesce(sum(unrealized_pnl), 0) FROM positions WHERE status = 'OPEN') AS unrealized_pnl,
                   (SELECT count(*) FROM outbox WHERE delivered_at IS NULL AND delivery IS NULL) AS alert_backlog,
                   (SELECT count(*) FROM positions WHERE scales_position_id IS NOT NULL) AS scale_ins,
                   (SELECT count(*) FROM trade_history WHERE exit_reason = 'scale_out') AS scale_outs
            """, cancellationToken: cancellationToken)).ConfigureAwait(false);
        // One pass over the audit trail for every counter it feeds. order.filled → "filled"; risk.denied carries
        // "CODE: context" in data.denial; adjustment.recommended → "recommended", by the kind its data names (the kind the
        // move was made as).
        var events = (await connection.QueryAsync<(string Source, string Key, string? AdjustmentKind, long Count)>(new CommandDefinition(
            """
            SELECT CASE WHEN event_type = 'risk.denied' THEN 'denial' WHEN event_type LIKE 'adjustment.%' THEN 'adjustment' ELSE 'order' END,
                   CASE WHEN event_type = 'risk.denied' THEN split_part(data->>'denial', ':', 1)
                        WHEN event_type LIKE 'adjustment.%' THEN substr(event_type, 12)
                        ELSE substr(event_type, 7) END,
                   CASE WHEN event_type LIKE 'adjustment.%' THEN data->>'kind' END,
                   count(*)
            FROM audit_events
            WHERE event_type LIKE 'order.%' OR event_type = 'risk.denied'
               OR event_type IN ('adjustment.recommended', 'adjustment.approved', 'adjustment.rejected', 'adjustment.ignored',
                                 'adjustment.executed', 'adjustment.failed', 'adjustment.expired')
            GROUP BY 1, 2, 3
            ORDER BY 1, 3, 2
            """, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        return new OperationalCounts(
            totals.OpenPositions, totals.RealizedPnl, totals.UnrealizedPnl, totals.AlertBacklog,
            [.. events.Where(e => e.Source == "order").Select(e => new EventCount(e.Key, e.Count))],
            [.. events.Where(e => e.Source == "denial").Select(e => new EventCount(e.Key, e.Count))],
            [new EventCount("scale_in", totals.ScaleIns), new EventCount("scale_out", totals.ScaleOuts)],
            [.. events.Where(e => e.Source == "adjustment").Select(e => new AdjustmentCount(e.AdjustmentKind!, e.Key, e.Count))]);
    }

    private sealed class Totals
    {
        public long OpenPositions { get; set; }
        public decimal RealizedPnl { get; set; }
        public decimal UnrealizedPnl { get; set; }
        public long AlertBacklog { get; set; }
        public long ScaleIns { get; set; }
        public long ScaleOuts { get; set; }
    }
}
