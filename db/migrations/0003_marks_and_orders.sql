-- Marks and the exit job: mark quality, excursions, Greeks, stop confirmations, and the orders ledger.

ALTER TABLE positions
    ADD COLUMN mark_status    varchar(10)   CHECK (mark_status IN ('FRESH', 'STALE', 'UNUSABLE')),
    ADD COLUMN mark_problem   text,
    -- Worst and best unrealized P&L (dollars, after fees) seen on fresh marks: MAE is <= 0 once marked.
    ADD COLUMN mae            numeric(14,2),
    ADD COLUMN mfe            numeric(14,2),
    -- Consecutive fresh marks at or beyond the stop; the stop fires once this reaches ExitRules:StopConfirmations.
    ADD COLUMN stop_breaches  integer       NOT NULL DEFAULT 0 CHECK (stop_breaches >= 0),
    -- Position Greeks in share-equivalent units: delta and gamma per $1 of the underlying,
    -- theta in dollars per calendar day, vega in dollars per vol point.
    ADD COLUMN delta          numeric(18,6),
    ADD COLUMN gamma          numeric(18,6),
    ADD COLUMN theta          numeric(18,6),
    ADD COLUMN vega           numeric(18,6);

-- Every order the system sends, written before the broker is called so that a crash leaves a row
-- saying what was in flight. client_order_id is the idempotency key given to the broker.
CREATE TABLE orders (
    order_id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_order_id  varchar(100)  NOT NULL UNIQUE,
    position_id      bigint        REFERENCES positions (position_id),
    request_id       varchar(255),
    intent           varchar(10)   NOT NULL CHECK (intent IN ('OPEN', 'CLOSE')),
    reason           varchar(50),
    status           varchar(10)   NOT NULL CHECK (status IN ('PENDING', 'FILLED', 'REJECTED', 'FAILED')),
    legs             jsonb         NOT NULL,
    limit_price      numeric(14,4),
    fill_price       numeric(14,4),
    fees             numeric(14,2),
    broker_order_id  varchar(255),
    error            text,
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL
);

-- At most one closing order in flight per position.
CREATE UNIQUE INDEX orders_one_pending_close ON orders (position_id) WHERE intent = 'CLOSE' AND status = 'PENDING';
