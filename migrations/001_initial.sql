-- rls schema, version 1: the catalog (points, oils, routines), sessions with
-- their points, oils and tags, morning ratings, and settings.
-- Instants are stored as UTC text 'YYYY-MM-DDTHH:MM:SSZ' together with the IANA
-- zone and UTC offset they were entered in, so DST changes and travel never
-- move a past entry. A night is the local date of its evening, 'YYYY-MM-DD'.
-- Rows that other rows refer to carry a UUID so that exports can be merged.

PRAGMA application_id = 1380733745; -- 'RLS1'

CREATE TABLE point (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    code        TEXT NOT NULL UNIQUE,
    foot        TEXT NOT NULL CHECK (foot IN ('left', 'right')),
    name        TEXT NOT NULL,
    location    TEXT NOT NULL DEFAULT '',
    builtin     INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1))
);

CREATE TABLE oil (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    carrier     INTEGER NOT NULL DEFAULT 0 CHECK (carrier IN (0, 1)),
    builtin     INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1))
);

CREATE TABLE routine (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    code        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    builtin     INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1))
);

CREATE TABLE routine_point (
    routine_id  INTEGER NOT NULL REFERENCES routine (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position >= 1),
    point_id    INTEGER NOT NULL REFERENCES point (id),
    PRIMARY KEY (routine_id, position)
) WITHOUT ROWID;

CREATE TABLE tag (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE
);

CREATE TABLE session (
    id              INTEGER PRIMARY KEY,
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
    updated_utc     TEXT NOT NULL
);
CREATE INDEX session_by_night ON session (night);
CREATE INDEX session_by_routine ON session (routine_id);

CREATE TABLE session_point (
    session_id  INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    point_id    INTEGER NOT NULL REFERENCES point (id),
    tenderness  INTEGER NOT NULL CHECK (tenderness BETWEEN 0 AND 10),
    PRIMARY KEY (session_id, point_id)
) WITHOUT ROWID;
CREATE INDEX session_point_by_point ON session_point (point_id);

CREATE TABLE session_oil (
    session_id  INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    oil_id      INTEGER NOT NULL REFERENCES oil (id),
    drops       INTEGER CHECK (drops BETWEEN 1 AND 20),
    PRIMARY KEY (session_id, oil_id)
) WITHOUT ROWID;
CREATE INDEX session_oil_by_oil ON session_oil (oil_id);

CREATE TABLE session_tag (
    session_id  INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    tag_id      INTEGER NOT NULL REFERENCES tag (id),
    PRIMARY KEY (session_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX session_tag_by_tag ON session_tag (tag_id);

-- One rating per night. Sleep-diary times are UTC instants; durations minutes.
CREATE TABLE rating (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    night           TEXT NOT NULL UNIQUE,
    sleep           INTEGER CHECK (sleep BETWEEN 0 AND 10),
    restless        INTEGER CHECK (restless BETWEEN 0 AND 10),
    into_bed_utc    TEXT,
    try_sleep_utc   TEXT,
    latency_min     INTEGER CHECK (latency_min BETWEEN 0 AND 1440),
    awakenings      INTEGER CHECK (awakenings BETWEEN 0 AND 100),
    waso_min        INTEGER CHECK (waso_min BETWEEN 0 AND 1440),
    final_wake_utc  TEXT,
    out_of_bed_utc  TEXT,
    tz              TEXT NOT NULL,
    note            TEXT,
    created_utc     TEXT NOT NULL,
    updated_utc     TEXT NOT NULL
);

CREATE TABLE setting (
    key     TEXT PRIMARY KEY,
    value   TEXT NOT NULL
) WITHOUT ROWID;

-- The catalog from the standard routine. UUIDs are fixed so that every rls
-- database agrees on the built-in rows.
INSERT INTO point (uuid, code, foot, name, location, builtin) VALUES
 ('6f1c2a40-3b1e-4d0a-9c51-000000000001', 'left.heart',    'left',  'Heart',    'middle of the sole, where the toe bones meet the soft instep', 1),
 ('6f1c2a40-3b1e-4d0a-9c51-000000000002', 'left.lateral',  'left',  'Lateral',  'two finger-widths from the heart point toward the outer edge', 1),
 ('6f1c2a40-3b1e-4d0a-9c51-000000000003', 'left.knee-leg', 'left',  'Knee/leg', 'outer edge of the foot, level with the ankle bone', 1),
 ('6f1c2a40-3b1e-4d0a-9c51-000000000004', 'left.sciatic',  'left',  'Sciatic',  'middle of the heel', 1),
 ('6f1c2a40-3b1e-4d0a-9c51-000000000005', 'left.foot',     'left',  'Foot',     'a finger-width behind the sciatic point, toward the back of the heel', 1),
 ('6f1c2a40-3b1e-4d0a-9c51-000000000006', 'right.ball',    'right', 'Ball',     'ball of the foot below the big toe; a wide area, press in several places', 1),
 ('6f1c2a40-3b1e-4d0a-9c51-000000000007', 'right.sciatic', 'right', 'Sciatic',  'middle of the heel', 1),
 ('6f1c2a40-3b1e-4d0a-9c51-000000000008', 'right.foot',    'right', 'Foot',     'a finger-width behind the right sciatic point', 1);

INSERT INTO oil (uuid, code, name, carrier, builtin) VALUES
 ('6f1c2a40-3b1e-4d0a-9c52-000000000001', 'valerian',        'Valerian',        0, 1),
 ('6f1c2a40-3b1e-4d0a-9c52-000000000002', 'roman-chamomile', 'Roman chamomile', 0, 1),
 ('6f1c2a40-3b1e-4d0a-9c52-000000000003', 'lavender',        'Lavender',        0, 1),
 ('6f1c2a40-3b1e-4d0a-9c52-000000000004', 'carrier',         'Carrier oil',     1, 1);

INSERT INTO routine (uuid, code, description, builtin) VALUES
 ('6f1c2a40-3b1e-4d0a-9c53-000000000001', 'standard', 'the eight points, left foot then right', 1);

INSERT INTO routine_point (routine_id, position, point_id)
SELECT r.id, p.id, p.id FROM routine r, point p WHERE r.code = 'standard' ORDER BY p.id;
