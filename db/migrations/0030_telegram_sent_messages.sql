-- Issue 16: which outbox row each chat message was sent for, when that row names a position or a proposal (a card, a
-- position alert). A reply to such a message becomes a journal note on what it was about (ChatCommands).
CREATE TABLE telegram_sent_messages (
    chat_id            bigint       NOT NULL,
    message_id         bigint       NOT NULL,
    outbox_message_id  bigint       NOT NULL REFERENCES outbox (message_id),
    sent_at            timestamptz  NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);
