-- Order lifecycle: a broker's order statuses (SUBMITTED, PARTIALLY_FILLED, CANCELLED) next to ours (PENDING =
-- recorded before the broker call, FAILED), the ordered and the filled quantity.
ALTER TABLE orders ALTER COLUMN status TYPE varchar(20);
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check
    CHECK (status IN ('PENDING', 'SUBMITTED', 'PARTIALLY_FILLED', 'FILLED', 'CANCELLED', 'REJECTED', 'FAILED'));
ALTER TABLE orders ADD COLUMN quantity integer CHECK (quantity > 0);
ALTER TABLE orders ADD COLUMN filled_quantity integer NOT NULL DEFAULT 0 CHECK (filled_quantity >= 0);
