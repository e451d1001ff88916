using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.Recovery;

/// <summary>
/// What must hold after any crash and recovery, read from our tables and the paper broker's own book. Each check is
/// one query that lists the offending rows, so a failure says exactly what is wrong.
/// </summary>
internal static class TrialInvariants
{
    public static async Task AssertAsync(TestDatabase db)
    {
        // No second order: at most one opening order per proposal at the broker, and every order the broker holds is one we recorded.
        await NoneAsync(db, "broker orders we never recorded", "SELECT client_order_id FROM paper_orders WHERE client_order_id NOT IN (SELECT client_order_id FROM orders)");
        await NoneAsync(db, "positions closed beyond their size at the broker",
            """
            SELECT p.position_id FROM positions p
            JOIN paper_fills f ON f.client_order_id IN (SELECT client_order_id FROM orders WHERE position_id = p.position_id AND intent = 'CLOSE')
            GROUP BY p.position_id, p.quantity, p.closed_quantity
            HAVING sum(f.contracts) > p.quantity + p.closed_quantity
            """);
        // No lost fill: every fill the broker made is stored, with its fee, against a position.
        await NoneAsync(db, "broker fills we did not store",
            "SELECT fill_id FROM paper_fills WHERE fill_id NOT IN (SELECT broker_fill_id FROM fills WHERE position_id IS NOT NULL AND fees IS NOT NULL)");
        // Settlement at expiration is ours to book (fills at intrinsic value under a SETTLE order), not a broker execution.
        await NoneAsync(db, "stored fills the broker never made",
            "SELECT broker_fill_id FROM fills WHERE broker_fill_id NOT IN (SELECT fill_id FROM paper_fills) AND client_order_id NOT IN (SELECT client_order_id FROM orders WHERE intent = 'SETTLE')");
        // No position without its fills (shares from an assignment and hand-recorded positions come from no order).
        await NoneAsync(db, "positions opened by an order but without fills",
            "SELECT position_id FROM positions p WHERE EXISTS (SELECT 1 FROM trade_requests r WHERE r.position_id = p.position_id) AND NOT EXISTS (SELECT 1 FROM fills f WHERE f.position_id = p.position_id)");
        await NoneAsync(db, "opened positions whose size is not what filled",
            """
            SELECT p.position_id FROM positions p JOIN orders o ON o.client_order_id = 'open-' || p.request_id
            WHERE p.quantity + p.closed_quantity <> o.filled_quantity
            """);
        // Everything final.
        await NoneAsync(db, "orders not final", "SELECT client_order_id FROM orders WHERE status IN ('PENDING', 'SUBMITTED', 'PARTIALLY_FILLED', 'UNKNOWN')");
        await NoneAsync(db, "proposals not final", "SELECT request_id FROM trade_requests WHERE status IN ('APPROVED', 'EXECUTING')");
        await NoneAsync(db, "executed proposals without a position", "SELECT request_id FROM trade_requests WHERE status = 'EXECUTED' AND position_id IS NULL");
        await NoneAsync(db, "our order state disagrees with the broker's",
            "SELECT o.client_order_id FROM orders o JOIN paper_orders b USING (client_order_id) WHERE o.filled_quantity <> b.filled_quantity");
        // Audit complete: every order's recording and its final state are in the trail; every closed position's close too.
        await NoneAsync(db, "orders without order.submitted",
            "SELECT client_order_id FROM orders o WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_type = 'order' AND a.entity_id = o.client_order_id AND a.event_type = 'order.submitted')");
        await NoneAsync(db, "orders without their final event",
            "SELECT client_order_id FROM orders o WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_type = 'order' AND a.entity_id = o.client_order_id AND a.event_type = 'order.' || lower(o.status))");
        await NoneAsync(db, "settled positions without their settlement fills",
            "SELECT position_id FROM positions p WHERE status IN ('EXPIRED', 'ASSIGNED') AND NOT EXISTS (SELECT 1 FROM fills f WHERE f.position_id = p.position_id AND f.client_order_id = 'settle-' || p.position_id)");
        await NoneAsync(db, "trades without position.closed or position.reduced",
            "SELECT trade_id FROM trade_history t WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.position_id = t.position_id AND a.event_type IN ('position.closed', 'position.reduced'))");
    }

    private static async Task NoneAsync(TestDatabase db, string what, string sql)
    {
        var rows = await db.ListAsync<object>(sql);
        Assert.True(rows.Count == 0, $"{what}: {string.Join(", ", rows)}");
    }
}
