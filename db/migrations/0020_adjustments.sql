-- Issue 14: adjustment recommendations. The exit sweep recommends a roll, a close or a reduction for a threatened open
-- option position; a person approves (and it is executed), rejects or ignores it, or the system expires it when the
-- position closed, its conditions cleared or another recommendation superseded it.
CREATE TABLE adjustments (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    position_id          bigint        NOT NULL REFERENCES positions (position_id),
    ticker               varchar(20)   NOT NULL,
    strategy_type        varchar(10)   NOT NULL CHECK (strategy_type IN ('CSP', 'VPC')),
    kind                 varchar(10)   NOT NULL CHECK (kind IN ('ROLL', 'CLOSE', 'REDUCE')),
    status               varchar(10)   NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'EXECUTED', 'FAILED', 'REJECTED', 'IGNORED', 'EXPIRED')),
    risk_score           smallint      NOT NULL CHECK (risk_score BETWEEN 0 AND 100),
    urgency              varchar(10)   NOT NULL CHECK (urgency IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    contracts            integer       NOT NULL CHECK (contracts > 0),
    summary              text          NOT NULL,
    numbers              jsonb         NOT NULL,
    -- The roll's target: where it goes and the least net credit per share its order may take. Only for a ROLL.
    roll_expiration      date,
    roll_short_strike    numeric(14,4),
    roll_long_strike     numeric(14,4),
    roll_min_net_credit  numeric(14,4) CHECK (roll_min_net_credit > 0),
    created_at           timestamptz   NOT NULL,
    updated_at           timestamptz   NOT NULL,
    decided_at           timestamptz,
    decided_by           varchar(255),
    outcome              text,
    CHECK ((kind = 'ROLL') = (roll_expiration IS NOT NULL AND roll_short_strike IS NOT NULL AND roll_min_net_credit IS NOT NULL))
);

-- At most one recommendation waits per position: a new tick updates or supersedes it instead of adding another.
CREATE UNIQUE INDEX adjustments_one_pending ON adjustments (position_id) WHERE status = 'PENDING';
CREATE INDEX adjustments_status ON adjustments (status, id);
