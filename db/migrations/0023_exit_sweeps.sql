-- Exit sweeps (issue 15): the exit job's tick is one sweep that every worker may join. The worker the scheduler fired
-- opens it; each worker claims batches of open positions with FOR UPDATE SKIP LOCKED, and a claim row per position and
-- sweep (its primary key) makes every position claimed once per sweep.
CREATE TABLE exit_sweeps (
    sweep_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    as_of        timestamptz NOT NULL,
    opened_at    timestamptz NOT NULL,
    finished_at  timestamptz
);

CREATE INDEX exit_sweeps_open ON exit_sweeps (sweep_id) WHERE finished_at IS NULL;

-- No foreign key: claims of past sweeps are deleted when the next opens, and a late claim must not fail a worker.
CREATE TABLE exit_sweep_claims (
    sweep_id     bigint NOT NULL,
    position_id  bigint NOT NULL,
    PRIMARY KEY (sweep_id, position_id)
);

-- The sweep walks the open positions in id order, a batch at a time.
CREATE INDEX positions_open_by_id ON positions (position_id) WHERE status = 'OPEN';

-- Every sweep rewrites each open position's mark columns, none of them indexed: room on each page lets those updates
-- stay on the page (HOT) instead of adding an entry to every index of the table.
ALTER TABLE positions SET (fillfactor = 70);
