-- The paper broker's own book: its orders and the fills it executed, kept apart from our orders and fills the way a
-- real broker's are, so that it outlives the worker and recovery can ask it what happened to an order.

CREATE TABLE paper_orders (
    client_order_id  varchar(100)  PRIMARY KEY,
    underlying       varchar(20)   NOT NULL,
    legs             jsonb         NOT NULL,
    quantity         integer       NOT NULL,
    limit_price      numeric(14,4),
    as_of            timestamptz   NOT NULL,
    placed_at        timestamptz   NOT NULL,
    status           varchar(20)   NOT NULL CHECK (status IN ('SUBMITTED', 'PARTIALLY_FILLED', 'FILLED', 'CANCELLED', 'REJECTED')),
    filled_quantity  integer       NOT NULL DEFAULT 0,
    -- Sum over fills of the net price per share × units, for the average net price.
    net_total        numeric(18,4) NOT NULL DEFAULT 0,
    fees             numeric(14,2) NOT NULL DEFAULT 0,
    reason           text,
    state_at         timestamptz   NOT NULL
);

CREATE TABLE paper_fills (
    fill_id          varchar(150)  PRIMARY KEY,
    client_order_id  varchar(100)  NOT NULL REFERENCES paper_orders (client_order_id),
    seq              integer       NOT NULL,
    symbol           varchar(64)   NOT NULL,
    side             varchar(20)   NOT NULL,
    ratio            integer       NOT NULL,
    contracts        integer       NOT NULL CHECK (contracts > 0),
    price            numeric(14,4) NOT NULL,
    fee              numeric(14,2) NOT NULL,
    filled_at        timestamptz   NOT NULL,
    UNIQUE (client_order_id, seq)
);
