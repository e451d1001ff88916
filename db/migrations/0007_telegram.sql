-- Telegram: how far update polling got, which chat message shows which proposal, and how each outbox row
-- was delivered.

-- The last update_id handled, per bot (the token's numeric prefix): getUpdates resumes after it, so a restart
-- neither replays nor loses an update.
CREATE TABLE telegram_poll_state (
    bot_id          bigint        PRIMARY KEY,
    last_update_id  bigint        NOT NULL,
    updated_at      timestamptz   NOT NULL
);

-- The message a proposal was posted as, so its outcome (and its expiry) can be edited into it.
CREATE TABLE telegram_proposal_messages (
    request_id      varchar(255)  PRIMARY KEY REFERENCES trade_requests (request_id),
    chat_id         bigint        NOT NULL,
    message_id      bigint        NOT NULL,
    posted_at       timestamptz   NOT NULL
);

-- How a row went out: sent (with sound), silent (without), off (not sent: notifications off for its kind), or
-- failed (Telegram refused it for good, e.g. 400/403; last_error says why). NULL while pending.
ALTER TABLE outbox ADD COLUMN delivery varchar(10) CHECK (delivery IN ('sent', 'silent', 'off', 'failed'));

-- The sender's queue: rows still to go out, in message_id order (the order it delivers them in).
CREATE INDEX outbox_undelivered ON outbox (message_id) WHERE delivered_at IS NULL AND delivery IS NULL;
