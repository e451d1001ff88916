-- Orders as a state machine and positions from fills (issue 10).

-- UNKNOWN: we asked the broker and learned nothing (timeout, crash); recovery asks again. SETTLE: expiration.
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check
    CHECK (status IN ('PENDING', 'SUBMITTED', 'PARTIALLY_FILLED', 'FILLED', 'CANCELLED', 'REJECTED', 'UNKNOWN', 'FAILED'));
ALTER TABLE orders DROP CONSTRAINT orders_intent_check;
ALTER TABLE orders ADD CONSTRAINT orders_intent_check CHECK (intent IN ('OPEN', 'CLOSE', 'SETTLE'));

-- At most one closing order at work per position, whatever its working state (PENDING alone let a SUBMITTED
-- order and a new PENDING one coexist).
DROP INDEX orders_one_pending_close;
CREATE UNIQUE INDEX orders_one_working_close ON orders (position_id)
    WHERE intent = 'CLOSE' AND status IN ('PENDING', 'SUBMITTED', 'PARTIALLY_FILLED', 'UNKNOWN');
CREATE INDEX orders_working ON orders (created_at)
    WHERE status IN ('PENDING', 'SUBMITTED', 'PARTIALLY_FILLED', 'UNKNOWN');
-- Which order a fill belongs to, in our terms (broker_order_id is the broker's).
ALTER TABLE fills ADD COLUMN client_order_id varchar(100);
CREATE INDEX fills_by_order ON fills (client_order_id);

-- Partial closes: a position keeps its open quantity in `quantity` and counts what partial closes took here;
-- each closing order that filled writes its own trade_history row for the contracts it closed, so a position
-- may have several rows, one per closing order (client_order_id, unique), and the sums stay right.
ALTER TABLE positions ADD COLUMN closed_quantity integer NOT NULL DEFAULT 0 CHECK (closed_quantity >= 0);
ALTER TABLE trade_history DROP CONSTRAINT trade_history_position_id_key;
ALTER TABLE trade_history ADD COLUMN client_order_id varchar(100) UNIQUE;
CREATE INDEX trade_history_position ON trade_history (position_id);
