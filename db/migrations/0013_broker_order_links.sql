-- A broker without client order ids (TradeStation) gets ours through this mapping: client order id → the
-- OrderConfirmID we sent → the broker's order id. The row is written before anything is sent (PLACING), again just
-- before the placing request goes out (SENDING) and after the answer (PLACED with the broker's id, or NOT_PLACED /
-- PREVIEWED with the reason). After a timeout or a crash, PLACING means nothing was sent (safe to send), SENDING that
-- the order may be at the broker: it is looked for among the day's orders and never sent again. The ticket's legs,
-- quantity and limit are kept to recognise it there.

CREATE TABLE broker_order_links (
    client_order_id  varchar(100)  PRIMARY KEY,
    broker           varchar(20)   NOT NULL,
    account_id       varchar(40)   NOT NULL,
    confirm_id       varchar(64)   NOT NULL UNIQUE,
    broker_order_id  varchar(40)   UNIQUE,
    state            varchar(20)   NOT NULL CHECK (state IN ('PLACING', 'SENDING', 'PLACED', 'NOT_PLACED', 'PREVIEWED')),
    underlying       varchar(20)   NOT NULL,
    legs             jsonb         NOT NULL,
    quantity         integer       NOT NULL CHECK (quantity > 0),
    limit_price      numeric(14,4),
    reason           text,
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    CHECK ((state = 'PLACED') = (broker_order_id IS NOT NULL))
);

-- Leg executions seen at the broker, one row per increase of a leg's cumulative executed quantity. The id is derived
-- from the broker's order id, the leg and the cumulative quantity, so polling the same state twice stores nothing new.
CREATE TABLE broker_order_fills (
    fill_id          varchar(150)  PRIMARY KEY,
    client_order_id  varchar(100)  NOT NULL REFERENCES broker_order_links (client_order_id),
    seq              integer       NOT NULL,
    symbol           varchar(64)   NOT NULL,
    side             varchar(20)   NOT NULL,
    ratio            integer       NOT NULL,
    contracts        integer       NOT NULL CHECK (contracts > 0),
    price            numeric(14,4) NOT NULL,
    fee              numeric(14,2) NOT NULL CHECK (fee >= 0),
    seen_at          timestamptz   NOT NULL,
    UNIQUE (client_order_id, seq)
);
