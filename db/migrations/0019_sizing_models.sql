-- Issue 14, the `ml` sizing: every model `optauto sizing train` stored. A new training adds a version; none is
-- overwritten, so a proposal's sizing (which names the version it used) can always be traced to its model. The
-- worker uses the newest version. metrics holds the walk-forward's out-of-sample scores per year and pooled, the
-- training rows and their mean return on risk (the multiplier's yardstick); model is ML.NET's zip of the forest.
CREATE TABLE sizing_models (
    version        integer      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trained_at     timestamptz  NOT NULL,
    from_date      date         NOT NULL,
    to_date        date         NOT NULL,
    seed           integer      NOT NULL,
    feature_names  text[]       NOT NULL,
    metrics        jsonb        NOT NULL,
    model          bytea        NOT NULL
);
