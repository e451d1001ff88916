-- Issue 11: every comparison of the broker's positions with ours. The latest row's signature says which differences
-- were already reported, so the same difference alerts once (see BrokerReconciliationService).
CREATE TABLE broker_reconciliations (
    run_id       bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ran_at       timestamptz  NOT NULL,
    matched      boolean      NOT NULL,
    -- The differences without prices or times ('' when matched): equal signatures are the same finding.
    signature    text         NOT NULL,
    report       jsonb        NOT NULL
);

CREATE INDEX broker_reconciliations_ran_at ON broker_reconciliations (ran_at);
