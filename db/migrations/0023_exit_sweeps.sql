-- Exit sweeps (issue 15): the exit job's tick is one sweep that every worker may join. The worker the scheduler fired
-- opens it; each worker claims batches of open positions with FOR UPDATE SKIP LOCKED, and a claim row per position (its
-- primary key) naming the sweep that took it makes every position claimed once per sweep.
CREATE TABLE exit_sweeps (
    sweep_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    as_of        timestamptz NOT NULL,
    opened_at    timestamptz NOT NULL,
    finished_at  timestamptz
);

CREATE INDEX exit_sweeps_open ON exit_sweeps (sweep_id) WHERE finished_at IS NULL;

-- No foreign key: claims of past sweeps are deleted when the next opens, and a late claim must not fail a worker.
-- Keyed by position alone, and probed by position alone: the claim's "not yet claimed" test is one unique lookup per
-- position. Probed by (sweep, position), the planner (whose statistics never know a new sweep's id) scanned all of the
-- sweep's claims per position once its estimate for the new id fell to one row: quadratic, 18 s per batch at 60,000.
CREATE TABLE exit_sweep_claims (
    position_id  bigint PRIMARY KEY,
    sweep_id     bigint NOT NULL
);

-- The sweep walks the open positions in id order, a batch at a time.
CREATE INDEX positions_open_by_id ON positions (position_id) WHERE status = 'OPEN';

-- Every sweep rewrites each open position's mark columns, none of them indexed: room on each page lets those updates
-- stay on the page (HOT) instead of adding an entry to every index of the table.
ALTER TABLE positions SET (fillfactor = 70);
