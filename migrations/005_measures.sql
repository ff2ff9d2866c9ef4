-- rls schema, version 5: what people with RLS and their doctors track beyond
-- the massage: a weekly severity score (IRLS), the evening's symptom onset
-- and spread, medicines and the doses taken, iron labs, factors on any night
-- (tags, with or without a session) and nights deliberately left without a
-- massage. Ranges repeat core/limits.hpp (tests/unit/store_limits_test.cpp).

-- One IRLS entry per week (weeks start on Monday). The ten item scores are
-- kept as ten digits 0-4 in item order, or NULL when only the total is known.
CREATE TABLE irls (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    week        TEXT NOT NULL UNIQUE,
    taken       TEXT NOT NULL,
    items       TEXT CHECK (items IS NULL OR (length(items) = 10 AND items NOT GLOB '*[^0-4]*')),
    total       INTEGER NOT NULL CHECK (total BETWEEN 0 AND 40),
    tz          TEXT NOT NULL,
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL
);

-- The evening's symptoms of a night: when they began (a UTC instant, read in
-- tz) and where they were felt.
CREATE TABLE symptom (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    night       TEXT NOT NULL UNIQUE,
    onset_utc   TEXT,
    spread      TEXT CHECK (spread IN ('legs', 'arms', 'trunk', 'legs,arms', 'legs,trunk',
                                       'arms,trunk', 'legs,arms,trunk')),
    tz          TEXT NOT NULL,
    created_utc TEXT NOT NULL,
    updated_utc TEXT NOT NULL,
    CHECK (onset_utc IS NOT NULL OR spread IS NOT NULL)
);

-- Tags on a night itself (caffeine, alcohol, ...), with or without a session.
CREATE TABLE night_tag (
    night   TEXT NOT NULL,
    tag_id  INTEGER NOT NULL REFERENCES tag (id),
    PRIMARY KEY (night, tag_id)
) WITHOUT ROWID;
CREATE INDEX night_tag_by_tag ON night_tag (tag_id);

-- Nights the user chose to go without a massage: a planned baseline night,
-- not a forgotten one.
CREATE TABLE no_massage_night (
    night       TEXT PRIMARY KEY,
    created_utc TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE medicine (
    id      INTEGER PRIMARY KEY,
    uuid    TEXT NOT NULL UNIQUE,
    name    TEXT NOT NULL UNIQUE,
    unit    TEXT NOT NULL CHECK (unit IN ('mg', 'mcg', 'g', 'ml', 'iu', 'tablet'))
);

CREATE TABLE dose (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    medicine_id INTEGER NOT NULL REFERENCES medicine (id),
    amount      REAL NOT NULL CHECK (amount BETWEEN 0.001 AND 100000),
    taken_utc   TEXT NOT NULL,
    tz          TEXT NOT NULL,
    night       TEXT NOT NULL,
    created_utc TEXT NOT NULL
);
CREATE INDEX dose_by_night ON dose (night);
CREATE INDEX dose_by_medicine ON dose (medicine_id);

-- Iron labs: ferritin in ng/mL, transferrin saturation in %.
CREATE TABLE lab (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    drawn       TEXT NOT NULL,
    ferritin    REAL CHECK (ferritin BETWEEN 1 AND 20000),
    tsat        REAL CHECK (tsat BETWEEN 1 AND 100),
    fasting     INTEGER CHECK (fasting IN (0, 1)),
    created_utc TEXT NOT NULL,
    CHECK (ferritin IS NOT NULL OR tsat IS NOT NULL)
);
CREATE INDEX lab_by_drawn ON lab (drawn);
