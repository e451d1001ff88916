-- Issue 16: an alert may carry a picture (the scorecard card, a report's chart). The PNG is stored with its outbox row,
-- in the same transaction as the change it reports, so the sender posts exactly what was queued (sendPhoto).
ALTER TABLE outbox ADD COLUMN photo bytea;
