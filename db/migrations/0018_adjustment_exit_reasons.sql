-- Issue 14's position management closes positions for three new reasons: part of a position at its first target
-- (scale_out), the old leg of a roll (roll) and an approved close or reduce recommendation (adjustment).
ALTER TABLE positions DROP CONSTRAINT positions_exit_reason_check;
ALTER TABLE positions ADD CONSTRAINT positions_exit_reason_check
    CHECK (exit_reason IN ('profit_target', 'stop_loss', '21dte', 'manual', 'expired', 'assigned', 'risk', 'trailing_stop',
                           'scale_out', 'roll', 'adjustment'));
