-- Issue 16: the trade journal. A note with an optional sentiment tag on a proposal or a position, written at entry
-- (on a proposal not yet executed), during (the position open) or after (closed). An entry is never rewritten: each
-- edit appends a version, the newest is what the entry says, and every version stays (append-only by trigger).
CREATE TABLE journal_entries (
    entry_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id   varchar(255)  REFERENCES trade_requests (request_id),
    position_id  bigint        REFERENCES positions (position_id),
    phase        varchar(10)   NOT NULL CHECK (phase IN ('entry', 'during', 'after')),
    source       varchar(20)   NOT NULL CHECK (source IN ('cli', 'api', 'telegram', 'dashboard')),
    created_at   timestamptz   NOT NULL,
    created_by   varchar(255)  NOT NULL,
    CHECK (request_id IS NOT NULL OR position_id IS NOT NULL)
);

CREATE INDEX journal_entries_position ON journal_entries (position_id, entry_id);
CREATE INDEX journal_entries_request ON journal_entries (request_id, entry_id);

CREATE TABLE journal_entry_versions (
    entry_id   bigint        NOT NULL REFERENCES journal_entries (entry_id),
    version    integer       NOT NULL CHECK (version > 0),
    text       text          NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
    sentiment  varchar(40)   CHECK (sentiment ~ '^[a-z][a-z0-9_-]{0,39}$'),
    written_at timestamptz   NOT NULL,
    written_by varchar(255)  NOT NULL,
    PRIMARY KEY (entry_id, version)
);

-- Search reads the words of every version's text (English stemming), so an edit never hides what was written before.
CREATE INDEX journal_entry_versions_words ON journal_entry_versions USING gin (to_tsvector('english', text));

CREATE FUNCTION journal_versions_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'journal_entry_versions is append-only: an edit adds a version';
END;
$$;

CREATE TRIGGER journal_entry_versions_append_only
    BEFORE UPDATE OR DELETE ON journal_entry_versions
    FOR EACH ROW EXECUTE FUNCTION journal_versions_append_only();
