-- Portfolio risk over time: one snapshot per RiskCheckJob run (kept Risk:HistoryDays days), and the last state of
-- every limit, so a crossing (OK → WARN → BREACH → OK) is detected once across runs and processes.

-- The headline figures as columns (for queries and charts) and the whole report as jsonb (for everything else).
-- Money in dollars; VaR and CVaR are one-day losses as positive numbers, NULL where history was missing;
-- drawdowns are negative fractions of the peak.
CREATE TABLE risk_snapshots (
    snapshot_id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    taken_at                     timestamptz     NOT NULL,
    equity                       numeric(18, 2)  NOT NULL,
    positions                    integer         NOT NULL CHECK (positions >= 0),
    exposure_total               numeric(18, 2)  NOT NULL,
    exposure_collateral          numeric(18, 2)  NOT NULL,
    exposure_max_loss            numeric(18, 2)  NOT NULL,
    delta_dollars                numeric(18, 2)  NOT NULL,
    beta_weighted_delta_dollars  numeric(18, 2),
    gamma_dollars                numeric(18, 2)  NOT NULL,
    theta_dollars                numeric(18, 2)  NOT NULL,
    vega_dollars                 numeric(18, 2)  NOT NULL,
    var_confidence               double precision NOT NULL,
    var_historical               numeric(18, 2),
    cvar_historical              numeric(18, 2),
    var_parametric               numeric(18, 2),
    cvar_parametric              numeric(18, 2),
    var_monte_carlo              numeric(18, 2),
    cvar_monte_carlo             numeric(18, 2),
    drawdown_current             numeric(12, 6)  NOT NULL,
    drawdown_max                 numeric(12, 6)  NOT NULL,
    report                       jsonb           NOT NULL
);

-- Pruning and "the latest snapshot" both walk this index.
CREATE INDEX risk_snapshots_taken_at ON risk_snapshots (taken_at);

-- The state each limit was left in by the last check. A limit not read in a run (its input was missing) keeps its
-- row: it is neither cleared nor alerted until it is read again.
CREATE TABLE risk_limit_states (
    limit_key    varchar(100)    PRIMARY KEY,
    state        varchar(10)     NOT NULL CHECK (state IN ('OK', 'WARN', 'BREACH')),
    value        numeric(20, 6)  NOT NULL,
    threshold    numeric(20, 6)  NOT NULL,
    unit         varchar(20)     NOT NULL,
    changed_at   timestamptz     NOT NULL,
    checked_at   timestamptz     NOT NULL
);
