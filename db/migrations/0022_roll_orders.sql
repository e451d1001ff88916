-- A roll (issue 14) is one multi-leg order: it closes an open position's legs and opens the same strategy later, so
-- its fills close the old position (exit reason roll) and open a new one linked to it.
ALTER TABLE orders DROP CONSTRAINT orders_intent_check;
ALTER TABLE orders ADD CONSTRAINT orders_intent_check CHECK (intent IN ('OPEN', 'CLOSE', 'SETTLE', 'ROLL'));

-- A roll closes its position's contracts as a closing order does: at most one of either at work per position.
DROP INDEX orders_one_working_close;
CREATE UNIQUE INDEX orders_one_working_close ON orders (position_id)
    WHERE intent IN ('CLOSE', 'ROLL') AND status IN ('PENDING', 'SUBMITTED', 'PARTIALLY_FILLED', 'UNKNOWN');

-- The position a roll opened names the one it rolled (several, if partial rolls of one position filled in turn).
ALTER TABLE positions ADD COLUMN rolled_from_position_id bigint REFERENCES positions (position_id);
