-- The switches of the pre-trade risk gate, one row: the trading state (ACTIVE / REDUCING / HALTED) and the
-- circuit breaker's counters and trip. Changes are audited in audit_events by the code that makes them.
CREATE TABLE trading_controls (
    id                   smallint     PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    trading_state        varchar(10)  NOT NULL DEFAULT 'ACTIVE' CHECK (trading_state IN ('ACTIVE', 'REDUCING', 'HALTED')),
    state_reason         text,
    state_changed_at     timestamptz,
    state_changed_by     varchar(255),
    consecutive_losses   integer      NOT NULL DEFAULT 0 CHECK (consecutive_losses >= 0),
    consecutive_errors   integer      NOT NULL DEFAULT 0 CHECK (consecutive_errors >= 0),
    breaker_tripped_at   timestamptz,
    breaker_trip_reason  varchar(30)  CHECK (breaker_trip_reason IN ('CONSECUTIVE_LOSSES', 'CONSECUTIVE_ERRORS')),
    breaker_reset_by     varchar(255),
    breaker_reset_at     timestamptz
);

INSERT INTO trading_controls (id) VALUES (1);
