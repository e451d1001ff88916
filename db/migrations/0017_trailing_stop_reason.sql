-- The trailing profit stop (issue 14) closes positions with its own exit reason, so reports can tell it from the
-- fixed profit target. trade_history.exit_reason has no list to extend; positions.exit_reason does.
ALTER TABLE positions DROP CONSTRAINT positions_exit_reason_check;
ALTER TABLE positions ADD CONSTRAINT positions_exit_reason_check
    CHECK (exit_reason IN ('profit_target', 'stop_loss', '21dte', 'manual', 'expired', 'assigned', 'risk', 'trailing_stop'));
