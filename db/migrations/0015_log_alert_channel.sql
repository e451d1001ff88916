-- Alerts delivered to the log (Alerts:Channel = log, the default without a Telegram token) are settled as
-- delivery 'log', so they are no longer pending forever and people can see where each one went.
ALTER TABLE outbox DROP CONSTRAINT outbox_delivery_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_delivery_check CHECK (delivery IN ('sent', 'silent', 'off', 'failed', 'log'));
