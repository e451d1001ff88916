-- Core schema: positions, trade history, proposals, fills, the audit trail and the outbox.
-- Prices are per share with 4 decimals; dollar amounts carry 2 (P&L) or 4 (derived thresholds).
-- Every instant is timestamptz (UTC); trading dates are America/New_York.

CREATE TABLE positions (
    position_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id      varchar(255)  NOT NULL UNIQUE,
    ticker          varchar(20)   NOT NULL,
    strategy_type   varchar(10)   NOT NULL CHECK (strategy_type IN ('CSP', 'VPC', 'STOCK')),
    status          varchar(20)   NOT NULL CHECK (status IN ('OPEN', 'CLOSED', 'EXPIRED', 'ASSIGNED')),
    entry_date      timestamptz   NOT NULL,
    entry_price     numeric(14,4) NOT NULL CHECK (entry_price >= 0),
    quantity        integer       NOT NULL CHECK (quantity > 0),
    exit_date       timestamptz,
    exit_price      numeric(14,4) CHECK (exit_price >= 0),
    exit_reason     varchar(50)   CHECK (exit_reason IN ('profit_target', 'stop_loss', '21dte', 'manual', 'expired', 'assigned', 'risk')),
    unrealized_pnl  numeric(14,2),
    realized_pnl    numeric(14,2),
    pnl_percent     numeric(10,2),
    stop_loss       numeric(14,4) NOT NULL CHECK (stop_loss >= 0),
    profit_target   numeric(14,4) NOT NULL CHECK (profit_target >= 0),
    days_held       integer,
    legs            jsonb         NOT NULL DEFAULT '[]'::jsonb,
    notes           text,
    last_updated    timestamptz   NOT NULL,
    expiration      date,
    short_strike    numeric(14,4),
    long_strike     numeric(14,4),
    multiplier      integer       NOT NULL DEFAULT 100 CHECK (multiplier > 0),
    mark_price      numeric(14,4),
    marked_at       timestamptz,
    fees            numeric(14,2) NOT NULL DEFAULT 0 CHECK (fees >= 0),
    max_loss        numeric(14,2) NOT NULL CHECK (max_loss >= 0),
    collateral      numeric(14,2) NOT NULL CHECK (collateral >= 0),
    CONSTRAINT positions_vpc_strikes CHECK (strategy_type <> 'VPC' OR (long_strike IS NOT NULL AND long_strike < short_strike)),
    CONSTRAINT positions_closed_has_exit CHECK (status = 'OPEN' OR (exit_date IS NOT NULL AND exit_price IS NOT NULL AND exit_reason IS NOT NULL AND realized_pnl IS NOT NULL))
);

CREATE INDEX positions_open_by_ticker ON positions (ticker) WHERE status = 'OPEN';

CREATE TABLE trade_history (
    trade_id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id          varchar(255)  NOT NULL,
    -- One round trip per position: a second close cannot add a second row.
    position_id         bigint        NOT NULL UNIQUE REFERENCES positions (position_id),
    ticker              varchar(20)   NOT NULL,
    strategy_type       varchar(10)   NOT NULL CHECK (strategy_type IN ('CSP', 'VPC', 'STOCK')),
    entry_date          timestamptz   NOT NULL,
    entry_price         numeric(14,4) NOT NULL,
    quantity            integer       NOT NULL CHECK (quantity > 0),
    exit_date           timestamptz   NOT NULL,
    exit_price          numeric(14,4) NOT NULL CHECK (exit_price >= 0),
    pnl_realized        numeric(14,2) NOT NULL,
    pnl_percent         numeric(10,2) NOT NULL,
    win_loss            varchar(10)   NOT NULL CHECK (win_loss IN ('WIN', 'LOSS')),
    collateral_required numeric(14,2) NOT NULL,
    max_risk            numeric(14,2) NOT NULL,
    target_return       numeric(14,4) NOT NULL,
    status              varchar(20)   NOT NULL CHECK (status IN ('CLOSED', 'EXPIRED', 'ASSIGNED')),
    executed_by         varchar(20)   NOT NULL CHECK (executed_by IN ('auto', 'manual')),
    exit_reason         varchar(50)   NOT NULL,
    fees                numeric(14,2) NOT NULL DEFAULT 0,
    created_at          timestamptz   NOT NULL,
    closed_at           timestamptz   NOT NULL,
    CONSTRAINT trade_history_win_rule CHECK ((win_loss = 'WIN') = (pnl_realized > 0))
);

CREATE INDEX trade_history_closed_at ON trade_history (closed_at);

-- Proposals (the proposals issue fills this in; defined now so every table has one home).
CREATE TABLE trade_requests (
    request_id      varchar(255)  PRIMARY KEY,
    status          varchar(20)   NOT NULL CHECK (status IN ('PROPOSED', 'APPROVED', 'EXECUTING', 'EXECUTED', 'REJECTED', 'EXPIRED', 'FAILED')),
    ticker          varchar(20)   NOT NULL,
    strategy_type   varchar(10)   NOT NULL CHECK (strategy_type IN ('CSP', 'VPC', 'STOCK')),
    expiration      date          NOT NULL,
    short_strike    numeric(14,4) NOT NULL,
    long_strike     numeric(14,4),
    net_credit      numeric(14,4) NOT NULL CHECK (net_credit >= 0),
    quantity        integer       NOT NULL CHECK (quantity > 0),
    max_loss        numeric(14,2) NOT NULL,
    collateral      numeric(14,2) NOT NULL,
    probability_of_profit numeric(7,4),
    legs            jsonb         NOT NULL DEFAULT '[]'::jsonb,
    risk_summary    jsonb,
    proposed_at     timestamptz   NOT NULL,
    expires_at      timestamptz   NOT NULL,
    decided_at      timestamptz,
    decided_by      varchar(255),
    decision_reason text,
    position_id     bigint        REFERENCES positions (position_id),
    updated_at      timestamptz   NOT NULL
);

CREATE INDEX trade_requests_pending ON trade_requests (expires_at) WHERE status = 'PROPOSED';

-- Executions as the broker reports them; positions are derived from these.
CREATE TABLE fills (
    fill_id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    broker_fill_id  varchar(255)  NOT NULL UNIQUE,
    broker_order_id varchar(255)  NOT NULL,
    request_id      varchar(255),
    position_id     bigint        REFERENCES positions (position_id),
    symbol          varchar(64)   NOT NULL,
    side            varchar(10)   NOT NULL CHECK (side IN ('BUY', 'SELL')),
    quantity        integer       NOT NULL CHECK (quantity > 0),
    price           numeric(14,4) NOT NULL CHECK (price >= 0),
    fees            numeric(14,2) NOT NULL DEFAULT 0 CHECK (fees >= 0),
    filled_at       timestamptz   NOT NULL,
    recorded_at     timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX fills_by_position ON fills (position_id, filled_at);

-- Append-only audit trail of every state change.
CREATE TABLE audit_events (
    event_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at     timestamptz   NOT NULL,
    actor           varchar(255)  NOT NULL,
    event_type      varchar(100)  NOT NULL,
    entity_type     varchar(50)   NOT NULL,
    entity_id       varchar(255)  NOT NULL,
    request_id      varchar(255),
    position_id     bigint,
    data            jsonb         NOT NULL DEFAULT '{}'::jsonb
);

CREATE INDEX audit_events_entity ON audit_events (entity_type, entity_id, event_id);

CREATE FUNCTION audit_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_events_no_update_delete
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE TRIGGER audit_events_no_truncate
    BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

-- Messages to deliver (Telegram, alerts), written in the same transaction as the change they report.
CREATE TABLE outbox (
    message_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dedup_key       varchar(255)  NOT NULL UNIQUE,
    channel         varchar(50)   NOT NULL,
    payload         jsonb         NOT NULL,
    created_at      timestamptz   NOT NULL,
    available_at    timestamptz   NOT NULL,
    attempts        integer       NOT NULL DEFAULT 0,
    last_error      text,
    delivered_at    timestamptz
);

CREATE INDEX outbox_pending ON outbox (available_at) WHERE delivered_at IS NULL;
