-- Why a proposal got its size (issue 14): the sizing strategy, its inputs and steps, the limit that bound the contracts
-- and any fallback with its reason, as the PositionSizingResult JSON (snake_case). Written once with the proposal and
-- read by `optauto sizing explain`; null for proposals made before this column existed.
ALTER TABLE trade_requests ADD COLUMN sizing jsonb;
