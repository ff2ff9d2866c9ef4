-- rls schema, version 3: a session's number is never given again.
-- People note session numbers ("session 12 was the bad one"); after a delete
-- the next session took the deleted number, so a note could point at the
-- wrong evening. AUTOINCREMENT keeps the highest number ever used in
-- sqlite_sequence. SQLite cannot add it to a table, so the table is rebuilt
-- (rls runs this with foreign keys off, checks them before committing, and
-- the child tables keep their rows: they refer to session by name).

CREATE TABLE session_new (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid            TEXT NOT NULL UNIQUE,
    started_utc     TEXT NOT NULL,
    tz              TEXT NOT NULL,
    utc_offset_min  INTEGER NOT NULL,
    night           TEXT NOT NULL,
    routine_id      INTEGER NOT NULL REFERENCES routine (id),
    rounds          INTEGER NOT NULL CHECK (rounds BETWEEN 1 AND 10),
    duration_min    INTEGER CHECK (duration_min BETWEEN 1 AND 360),
    before_restless INTEGER CHECK (before_restless BETWEEN 0 AND 10),
    after_restless  INTEGER CHECK (after_restless BETWEEN 0 AND 10),
    note            TEXT,
    created_utc     TEXT NOT NULL,
    updated_utc     TEXT NOT NULL,
    partial         INTEGER NOT NULL DEFAULT 0 CHECK (partial IN (0, 1))
);

INSERT INTO session_new (id, uuid, started_utc, tz, utc_offset_min, night, routine_id, rounds,
                         duration_min, before_restless, after_restless, note, created_utc,
                         updated_utc, partial)
SELECT id, uuid, started_utc, tz, utc_offset_min, night, routine_id, rounds, duration_min,
       before_restless, after_restless, note, created_utc, updated_utc, partial
FROM session;

DROP TABLE session;
ALTER TABLE session_new RENAME TO session;
CREATE INDEX session_by_night ON session (night);
CREATE INDEX session_by_routine ON session (routine_id);
