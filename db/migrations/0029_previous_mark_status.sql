-- A batch of marks audits the positions whose mark quality changed, so it needs each row's quality before the update.
-- It read it with a SELECT … FOR UPDATE before the UPDATE: a second pass that locked (and WAL-logged) every row, half of
-- the statement's time at 100,000 marks. The UPDATE now keeps the old quality in this column (SET expressions see the
-- row being replaced, re-read after any lock wait), and the batch reads it back in RETURNING. Not indexed, so the
-- sweep's updates stay HOT.
ALTER TABLE positions ADD COLUMN previous_mark_status varchar(10);
