-- The SQLite schema of sanctions-extract: one row per article, child tables
-- keyed by doc_id. Lists (aliases, mentions, evidence...) are JSON arrays.
-- Spans are [start, end) offsets in Unicode code points into the clean text.

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One row per run of `extract` into this database.
CREATE TABLE IF NOT EXISTS runs (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at    TEXT NOT NULL,                  -- RFC 3339, UTC
    finished_at   TEXT NOT NULL,
    arguments     TEXT NOT NULL,                  -- JSON array: the command line
    articles_read INTEGER NOT NULL,
    ok            INTEGER NOT NULL,
    skipped       INTEGER NOT NULL,
    errors        INTEGER NOT NULL,
    events        INTEGER NOT NULL,
    input_bytes   INTEGER NOT NULL,
    already_stored INTEGER NOT NULL DEFAULT 0,    -- input articles skipped: already here
    CHECK (articles_read = ok + skipped + errors)
);

CREATE TABLE IF NOT EXISTS articles (
    doc_id              TEXT PRIMARY KEY,
    schema_version      INTEGER NOT NULL,
    path                TEXT,
    url                 TEXT,
    title               TEXT,
    published           TEXT,
    extra               TEXT NOT NULL,            -- JSON object
    status              TEXT NOT NULL CHECK (status IN ('ok', 'skipped', 'error')),
    status_detail       TEXT,
    language            TEXT,                     -- ISO 639-3
    language_confidence REAL,
    text                TEXT                      -- clean text, with --emit-text
);

CREATE TABLE IF NOT EXISTS officials (
    doc_id      TEXT NOT NULL REFERENCES articles (doc_id),
    idx         INTEGER NOT NULL,
    name        TEXT NOT NULL,
    title       TEXT,
    affiliation TEXT,
    aliases     TEXT NOT NULL,                    -- JSON array of strings
    mentions    TEXT NOT NULL,                    -- JSON array of [start, end]
    rule        TEXT NOT NULL,                    -- the rule that found it
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS entities (
    doc_id   TEXT NOT NULL REFERENCES articles (doc_id),
    idx      INTEGER NOT NULL,
    name     TEXT NOT NULL,
    type     TEXT NOT NULL,
    country  TEXT,                                -- ISO 3166 alpha-2
    aliases  TEXT NOT NULL,
    mentions TEXT NOT NULL,
    rule     TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS counts (
    doc_id     TEXT NOT NULL REFERENCES articles (doc_id),
    idx        INTEGER NOT NULL,
    value      INTEGER NOT NULL,
    category   TEXT NOT NULL,
    noun       TEXT NOT NULL,
    modifier   TEXT,
    text       TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    rule       TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS amounts (
    doc_id     TEXT NOT NULL REFERENCES articles (doc_id),
    idx        INTEGER NOT NULL,
    value      REAL NOT NULL,
    currency   TEXT NOT NULL,                     -- ISO 4217
    text       TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    rule       TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS dates (
    doc_id     TEXT NOT NULL REFERENCES articles (doc_id),
    idx        INTEGER NOT NULL,
    value      TEXT NOT NULL,                     -- TIMEX3 value
    type       TEXT NOT NULL,                     -- date | range
    text       TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    rule       TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS events (
    doc_id    TEXT NOT NULL REFERENCES articles (doc_id),
    idx       INTEGER NOT NULL,
    authority TEXT NOT NULL,
    agency    TEXT,
    status    TEXT NOT NULL CHECK (status IN ('imposed', 'planned', 'lifted')),
    target    TEXT,
    date      TEXT,
    amounts   TEXT NOT NULL,                      -- JSON array of {value, currency}
    reason    TEXT,
    officials TEXT NOT NULL,                      -- JSON array of names
    evidence  TEXT NOT NULL,                      -- JSON array of [start, end]
    rule      TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS event_counts (
    doc_id    TEXT NOT NULL,
    event_idx INTEGER NOT NULL,
    idx       INTEGER NOT NULL,
    value     INTEGER NOT NULL,
    category  TEXT NOT NULL,
    PRIMARY KEY (doc_id, event_idx, idx),
    FOREIGN KEY (doc_id, event_idx) REFERENCES events (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS event_targets (
    doc_id    TEXT NOT NULL,
    event_idx INTEGER NOT NULL,
    idx       INTEGER NOT NULL,
    name      TEXT NOT NULL,
    PRIMARY KEY (doc_id, event_idx, idx),
    FOREIGN KEY (doc_id, event_idx) REFERENCES events (doc_id, idx)
);

-- Canonical events: one row per real-world action, merged over the articles that
-- report it, brought up to date at the end of every run (the merge reads only the
-- canonical events the run's events can join; `rebuild-events` rebuilds them all).
CREATE TABLE IF NOT EXISTS canonical_events (
    id              TEXT PRIMARY KEY,             -- DOC_ID#INDEX of its earliest report
    authority       TEXT NOT NULL,
    status          TEXT NOT NULL,
    target          TEXT,
    date            TEXT,
    counts          TEXT NOT NULL,                -- JSON array of {value, category}
    named_targets   TEXT NOT NULL,                -- JSON array of names
    first_published TEXT,
    sources         INTEGER NOT NULL              -- number of reports
);

-- One row per report of a canonical event, with the event as the merge read it.
-- An article written again keeps its rows here until the merge at the end of the
-- run moves its events.
CREATE TABLE IF NOT EXISTS canonical_event_sources (
    canonical_id  TEXT NOT NULL REFERENCES canonical_events (id) DEFERRABLE INITIALLY DEFERRED,
    doc_id        TEXT NOT NULL,
    event_idx     INTEGER NOT NULL,
    authority     TEXT NOT NULL,
    status        TEXT NOT NULL,
    merge_target  TEXT NOT NULL,                    -- its target, '' when none: the merge's group
    period_start  INTEGER,                          -- its date's first day, else the publication
    period_end    INTEGER,                          -- day (days from 0001-01-01); NULL: undated
    head          INTEGER NOT NULL,                 -- 1: the first report in the merge's order
    published     INTEGER,                          -- the article's publication day
    date          TEXT,
    target        TEXT,
    counts        TEXT NOT NULL,
    named_targets TEXT NOT NULL,
    evidence      TEXT NOT NULL,
    PRIMARY KEY (doc_id, event_idx)
);

-- Articles written since the last merge of canonical events (written with their rows).
CREATE TABLE IF NOT EXISTS canonical_pending (
    doc_id TEXT PRIMARY KEY
);

CREATE INDEX IF NOT EXISTS canonical_sources_by_event ON canonical_event_sources (canonical_id);
-- The merge's look-up: the reports of a group (authority, status, target) by day.
CREATE INDEX IF NOT EXISTS canonical_sources_by_day
    ON canonical_event_sources (authority, status, merge_target, period_start);
-- The heads of a week (a fine period longer than a day), by group and day: the
-- look-up finds the canonical events such a head holds open past its first
-- day without reading every report of the days before a change (a few hundred
-- of a million reports are such heads).
CREATE INDEX IF NOT EXISTS canonical_sources_wide_heads
    ON canonical_event_sources (authority, status, merge_target, period_start)
    WHERE head = 1 AND period_end > period_start;
CREATE INDEX IF NOT EXISTS events_by_authority ON events (authority, status);
CREATE INDEX IF NOT EXISTS articles_by_published ON articles (published);
