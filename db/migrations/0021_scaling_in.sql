-- Scaling in (issue 14): an add to an open position is an ordinary proposal that names the position it scales, and
-- its fill opens a position of its own (a lot: one opening order, one entry price — positions change only by fills)
-- that names the same first position. Null for every other proposal and position.
ALTER TABLE trade_requests ADD COLUMN scales_position_id bigint REFERENCES positions (position_id);
ALTER TABLE positions ADD COLUMN scales_position_id bigint REFERENCES positions (position_id);
CREATE INDEX positions_scales_position ON positions (scales_position_id) WHERE scales_position_id IS NOT NULL;
