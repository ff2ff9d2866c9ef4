-- rls schema, version 4: N-of-1 trials.
-- A trial's protocol and its whole schedule are written once, at start, and
-- never updated: the fingerprint (SHA-256 of the protocol's canonical text,
-- core/trial.cpp) is stored beside them and checked on every read, so a
-- changed plan shows. Only the end (stopped early, or not) is set later.
-- Marks say what was done on a trial night: a session logged for it
-- (followed or a deviation), or a night skipped on purpose, so that a
-- `none` night is not taken for a forgotten one.

CREATE TABLE trial (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid            TEXT NOT NULL UNIQUE,
    arms            TEXT NOT NULL, -- arm labels, one a line, in letter order
    design          TEXT NOT NULL CHECK (design IN ('pairs', 'abba')),
    blocks          INTEGER NOT NULL CHECK (blocks BETWEEN 2 AND 50),
    washout         INTEGER NOT NULL CHECK (washout BETWEEN 0 AND 7),
    outcome         TEXT NOT NULL CHECK (outcome IN ('sleep', 'restless')),
    mid             REAL NOT NULL CHECK (mid > 0 AND mid <= 10),
    first_night     TEXT NOT NULL,
    seed            INTEGER NOT NULL CHECK (seed >= 0),
    fingerprint     TEXT NOT NULL,
    tz              TEXT NOT NULL,
    created_utc     TEXT NOT NULL,
    stopped_utc     TEXT,
    stopped_night   TEXT -- the last night of a trial stopped early
);

CREATE TABLE trial_night (
    trial_id    INTEGER NOT NULL REFERENCES trial (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    night       TEXT NOT NULL,
    block       INTEGER NOT NULL CHECK (block >= 1),
    arm         INTEGER NOT NULL CHECK (arm BETWEEN 0 AND 3),
    washout     INTEGER NOT NULL CHECK (washout IN (0, 1)),
    PRIMARY KEY (trial_id, seq),
    UNIQUE (trial_id, night)
) WITHOUT ROWID;
CREATE INDEX trial_night_by_night ON trial_night (night);

CREATE TABLE trial_mark (
    trial_id     INTEGER NOT NULL REFERENCES trial (id) ON DELETE CASCADE,
    night        TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('session', 'skip')),
    followed     INTEGER NOT NULL CHECK (followed IN (0, 1)),
    session_uuid TEXT,
    recorded_utc TEXT NOT NULL,
    PRIMARY KEY (trial_id, night)
) WITHOUT ROWID;
